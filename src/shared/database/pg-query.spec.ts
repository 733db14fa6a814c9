import fc from 'fast-check';
import type { FieldDef, QueryArrayResult, QueryResultRow } from 'pg';
import { RowShapes } from './pg-query';

/** pg's own result builder (pg/lib/result.js), the oracle: what pg answers without RowShapes. */
interface PgResult {
  addFields(fields: FieldDef[]): void;
  parseRow(values: (string | null)[]): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PgResult = require('pg/lib/result') as new (rowMode?: string) => PgResult;

const TEXT = 25;
const INT4 = 23;
const field = (name: string, dataTypeID = TEXT) =>
  ({ name, dataTypeID, format: 'text' }) as FieldDef;

/** The rows pg builds in object mode, and the ones RowShapes builds from pg's array mode. */
function bothWays(shapes: RowShapes, fields: FieldDef[], raw: (string | null)[][]) {
  const objects = new PgResult();
  const arrays = new PgResult('array');
  objects.addFields(fields);
  arrays.addFields(fields);
  const result = { fields, rows: raw.map((values) => arrays.parseRow(values)) } as QueryArrayResult;
  shapes.toObjects(result);
  return { pg: raw.map((values) => objects.parseRow(values)), built: result.rows as unknown[] };
}

/** Equal as pg answers them: keys in the same order, the same values, the same prototype. */
function expectSameRows(built: unknown[], pg: unknown[]) {
  expect(built).toHaveLength(pg.length);
  built.forEach((row, i) => {
    expect(Object.getPrototypeOf(row)).toBe(Object.getPrototypeOf(pg[i]));
    expect(Object.getOwnPropertyNames(row)).toEqual(Object.getOwnPropertyNames(pg[i]));
    expect(Object.entries(row as QueryResultRow)).toEqual(Object.entries(pg[i] as QueryResultRow));
  });
}

describe('RowShapes', () => {
  it('builds the rows pg builds, parsed by the columns’ types', () => {
    const fields = [field('id'), field('n', INT4), field('note')];
    const { pg, built } = bothWays(new RowShapes(), fields, [
      ['a', '1', null],
      ['b', '2', 'x'],
    ]);
    expect(built).toEqual([
      { id: 'a', n: 1, note: null },
      { id: 'b', n: 2, note: 'x' },
    ]);
    expectSameRows(built, pg);
  });

  it('lets a later column of the same name win, as pg does', () => {
    const fields = [field('a'), field('b'), field('a')];
    const { pg, built } = bothWays(new RowShapes(), fields, [['first', 'b', 'last']]);
    expect(built).toEqual([{ a: 'last', b: 'b' }]);
    expectSameRows(built, pg);
  });

  it('keeps a __proto__ column a property, never the row’s prototype', () => {
    const fields = [field('__proto__'), field('x')];
    const { pg, built } = bothWays(new RowShapes(), fields, [['{"polluted":true}', '1']]);
    expect(Object.getPrototypeOf(built[0])).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(built[0], '__proto__')?.value).toBe('{"polluted":true}');
    expectSameRows(built, pg);
  });

  it('reads no column name as code', () => {
    const names = ['"}; throw new Error("x"); ({"', "a'b", 'back\\slash', 'line\nbreak', '\u2028'];
    const { pg, built } = bothWays(
      new RowShapes(),
      names.map((name) => field(name)),
      [['1', '2', '3', '4', '5']],
    );
    expectSameRows(built, pg);
  });

  it('builds shapes beyond its limit by assignment, still as pg does', () => {
    const shapes = new RowShapes(1);
    bothWays(shapes, [field('kept')], [['1']]);
    const { pg, built } = bothWays(shapes, [field('other'), field('__proto__')], [['2', '3']]);
    expectSameRows(built, pg);
  });

  it('leaves a result without rows as it is', () => {
    const result = { fields: [field('a')], rows: [] } as unknown as QueryArrayResult;
    new RowShapes().toObjects(result);
    expect(result.rows).toEqual([]);
  });

  it('agrees with pg on any column names and values (property)', () => {
    const shapes = new RowShapes(50);
    const name = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'id', '0', '1', 'length'),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 8 }).chain((names) =>
          fc.tuple(
            fc.constant(names),
            fc.array(
              fc.array(fc.option(fc.string(), { nil: null }), {
                minLength: names.length,
                maxLength: names.length,
              }),
              { minLength: 1, maxLength: 3 },
            ),
          ),
        ),
        ([names, raw]) => {
          const { pg, built } = bothWays(
            shapes,
            names.map((n) => field(n)),
            raw,
          );
          expectSameRows(built, pg);
        },
      ),
    );
  });
});
