import type {
  FieldDef,
  PoolClient,
  QueryArrayResult,
  QueryConfig,
  QueryResult,
  QueryResultRow,
} from 'pg';

/**
 * `client.query(config)`, answered through pg's callback rather than through its promise, with
 * its rows built by `RowShapes`.
 *
 * pg's promise form builds the query first and gives it its callback afterwards. Measured with
 * `--trace-gc-nvp` and V8's sampling heap profiler (2026-12-03, a page of the case list): the rows
 * of a query asked that way outlived the young-generation collections that followed and were
 * promoted to the old generation, where only a full collection freed them, so every young
 * collection copied megabytes (3–5 ms each instead of under 1) and a full one ran every few
 * seconds. With the callback passed along with the query, as pg's own `Pool.query` does, nothing
 * survived. The cause lies in pg and V8; this is the form that does not trigger it.
 */
export function runQuery<R extends QueryResultRow>(
  client: PoolClient,
  config: QueryConfig,
): Promise<QueryResult<R>> {
  return new Promise((resolve, reject) => {
    client.query(
      { ...config, rowMode: 'array' },
      (error: Error | undefined, result: QueryArrayResult | QueryArrayResult[]) => {
        if (error) return reject(error);
        // A text of several statements answers one result per statement.
        for (const each of Array.isArray(result) ? result : [result]) rowShapes.toObjects(each);
        resolve(result as unknown as QueryResult<R>);
      },
    );
  });
}

type RowBuilder = (values: unknown[]) => QueryResultRow;

/**
 * Rows as objects, built by one small function per result shape (its column names), made once.
 *
 * pg builds every row of every query in one function, by assigning each column by name to a copy
 * of an empty row. In a service running a few hundred query shapes, those assignments see so many
 * object shapes that V8 gives up specializing them: in profiles of the case list (2026-12-03),
 * pg's `parseRow` took about twice the time per row it took in a server running one query. Asked
 * for arrays, pg only parses the values; the builder for the shape then creates each row as one
 * object literal, which V8 specializes for that shape alone.
 *
 * The object is what pg would have built: the same keys in the same order, a later column of the
 * same name overwriting an earlier one. Shapes it cannot write as a literal (a `__proto__` column)
 * and shapes beyond the first `limit` are built by assignment, as pg does.
 */
export class RowShapes {
  private readonly builders = new Map<string, RowBuilder>();

  constructor(private readonly limit = 2_000) {}

  /** Replaces `result.rows` (arrays, from `rowMode: 'array'`) by objects, in place. */
  toObjects(result: QueryArrayResult): void {
    const { rows, fields } = result;
    if (!rows?.length || !fields) return;
    const build = this.builder(fields);
    const objects = rows as unknown[];
    for (let i = 0; i < rows.length; i++) objects[i] = build(rows[i]);
  }

  private builder(fields: FieldDef[]): RowBuilder {
    const names = fields.map((field) => field.name);
    const key = names.join('\0');
    let build = this.builders.get(key);
    if (build) return build;
    if (names.includes('__proto__') || this.builders.size >= this.limit) return assigning(names);
    const properties = names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`);
    // The names are quoted by JSON.stringify, so no column name can be read as code.
    build = new Function('values', `return { ${properties.join(', ')} };`) as RowBuilder;
    this.builders.set(key, build);
    return build;
  }
}

/** Each column assigned in turn; a `__proto__` column becomes a property, as pg makes it. */
function assigning(names: string[]): RowBuilder {
  return (values) => {
    const row: QueryResultRow = {};
    for (let i = 0; i < names.length; i++) {
      if (names[i] === '__proto__') {
        Object.defineProperty(row, names[i], {
          value: values[i],
          writable: true,
          enumerable: true,
          configurable: true,
        });
      } else row[names[i]] = values[i];
    }
    return row;
  };
}

const rowShapes = new RowShapes();
