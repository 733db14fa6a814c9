import { multipart } from '../support/multipart';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer, malformedTokens } from '../support/tokens';
import { ProofDataset, resolvePath, seedDataset } from './proof-dataset';

/**
 * Schema-derived invalid requests against every operation of /docs-json. Each request breaks
 * the documented schema in one way, or names a resource the caller cannot reach; none may be
 * accepted, be answered 5xx or without the error envelope, or change a row.
 * FUZZ_REQUESTS (default 10 000) and FUZZ_SEED (default random, printed) reproduce a run.
 */

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  /** OpenAPI 3.1: `[type, 'null']` for a nullable value; resolve() reduces it to `type`. */
  type?: string | string[];
  nullable?: boolean;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  'x-permissions'?: { public?: boolean };
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface Op {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  params: Parameter[];
  json?: Schema;
  multipart: boolean;
  secured: boolean;
}
interface FuzzRequest {
  category: string;
  method: Op['method'];
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const CONCURRENCY = 8;
const HUGE = 'a'.repeat(100 * 1024);
const LONG_URL_PART = 'b'.repeat(4 * 1024);
const ID_PARAMS = new Set(['id', 'fileId', 'docId', 'clientId']);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Fuzzer {
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly doc: Doc,
    private readonly data: ProofDataset,
    private readonly stranger: ProofDataset,
    private readonly token: Record<string, string>,
    private readonly badTokens: [string, string][],
  ) {
    this.random = mulberry32(seed);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16));
    hex[12] = '4';
    return hex.join('').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
  }

  /** The schema behind refs and compositions; a nullable one says so in `nullable`. */
  resolve(schema: Schema): Schema {
    if (schema.$ref)
      return this.resolve(this.doc.components.schemas[schema.$ref.split('/').pop()!]);
    if (schema.allOf) return this.resolve(schema.allOf[0]);
    if (schema.anyOf) {
      const branch = schema.anyOf.find((s) => s.type !== 'null') ?? {};
      const nullable = schema.anyOf.some((s) => s.type === 'null');
      return { ...this.resolve(branch), nullable };
    }
    if (Array.isArray(schema.type)) {
      const type = schema.type.find((t) => t !== 'null');
      return { ...schema, type, nullable: schema.type.includes('null') };
    }
    return schema;
  }

  /** A value the schema accepts, so that the one mutation is what makes the request invalid. */
  valid(raw: Schema): unknown {
    const schema = this.resolve(raw);
    if (schema.enum) return schema.enum[0];
    switch (schema.type) {
      case 'string':
        if (schema.format === 'uuid') return this.uuid();
        if (schema.format === 'date-time') return '2026-01-06T09:00:00.000Z';
        return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
      case 'number':
      case 'integer':
        return schema.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return Array.from({ length: schema.minItems ?? 0 }, () => this.valid(schema.items ?? {}));
      default: {
        const out: Record<string, unknown> = {};
        for (const name of schema.required ?? []) {
          out[name] = this.valid(schema.properties?.[name] ?? { type: 'string' });
        }
        return out;
      }
    }
  }

  /**
   * Values that break the schema of one property (never an accepted value). `null` only breaks
   * a required property: an optional one may be cleared with it.
   */
  invalid(raw: Schema, required = true): unknown[] {
    const schema = this.resolve(raw);
    const out: unknown[] = [];
    if (schema.enum) out.push('NOT_A_VALUE', 42, HUGE);
    switch (schema.type) {
      case 'string':
        out.push(12345, true, { a: 1 }, ['x'], null);
        if (schema.format === 'uuid') out.push('not-a-uuid', `${this.uuid()}x`, HUGE);
        if (schema.format === 'date-time') out.push('yesterday', '2026-13-45T99:00:00Z', HUGE);
        if (schema.maxLength !== undefined) out.push(HUGE, 'y'.repeat(schema.maxLength + 1));
        if ((schema.minLength ?? 0) > 0) out.push('');
        break;
      case 'number':
      case 'integer':
        out.push('abc', '1', true, { n: 1 }, [1], null);
        if (schema.minimum !== undefined) out.push(schema.minimum - 1);
        if (schema.maximum !== undefined) out.push(schema.maximum + 1, 1e12);
        if (schema.type === 'integer') out.push(1.5);
        break;
      case 'boolean':
        out.push('yes', 1, 'true', { b: true }, null);
        break;
      case 'array': {
        out.push('x', 7, { a: 1 }, null);
        const item = this.resolve(schema.items ?? {});
        const bad = this.invalid(item);
        if (bad.length) out.push([this.pick(bad)]);
        if (schema.maxItems !== undefined) {
          out.push(Array.from({ length: schema.maxItems + 1 }, () => this.valid(item)));
        }
        if ((schema.minItems ?? 0) > 0) out.push([]);
        break;
      }
      case 'object':
        out.push('x', 5, [1], null);
        break;
    }
    return required && !schema.nullable ? out : out.filter((v) => v !== null);
  }

  /** Query strings that break a parameter's schema (everything arrives as a string). */
  invalidQuery(raw: Schema): unknown[] {
    const resolved = this.resolve(raw);
    const schema = this.resolve(resolved.type === 'array' ? (resolved.items ?? {}) : resolved);
    const out: unknown[] = [{ nested: 'x' }];
    if (schema.enum) out.push('NOT_A_VALUE', 'new');
    if (schema.format === 'uuid') out.push('not-a-uuid', `${this.uuid()}0`);
    if (schema.format === 'date-time') out.push('yesterday', '2026-13-45T99:00:00Z');
    if (schema.type === 'boolean') out.push('maybe', '2', 'yes please');
    if (schema.type === 'number' || schema.type === 'integer') out.push('abc', '1e999x');
    if (schema.maxLength !== undefined) out.push('z'.repeat(schema.maxLength + 1));
    return out;
  }

  private pathFor(op: Op, override: Record<string, string> = {}): string {
    let path = op.path;
    for (const [name, value] of Object.entries(override)) {
      path = path.replace(`{${name}}`, encodeURIComponent(value));
    }
    return resolvePath(path, this.data);
  }

  private strangerId(op: Op, name: string): string {
    const segments = resolvePath(op.path, this.stranger).split('/');
    return decodeURIComponent(segments[op.path.split('/').indexOf(`{${name}}`)]);
  }

  private json(op: Op, category: string, path: string, body: unknown): FuzzRequest {
    return {
      category,
      method: op.method,
      url: path,
      headers: { ...this.token, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    };
  }

  /** The mutation families that apply to an operation, each a generator of one request. */
  families(op: Op): Record<string, () => FuzzRequest> {
    const f: Record<string, () => FuzzRequest> = {};
    const base = () => (op.json ? (this.valid(op.json) as Record<string, unknown>) : undefined);
    const plain = (category: string, url: string, headers: Record<string, string> = {}) => {
      const body = base();
      return body === undefined
        ? { category, method: op.method, url, headers: { ...this.token, ...headers } }
        : {
            ...this.json(op, category, url, body),
            headers: { ...this.token, 'Content-Type': 'application/json', ...headers },
          };
    };
    f['malformed JSON'] = () => ({
      category: 'malformed JSON',
      method: op.method,
      url: this.pathFor(op),
      headers: { ...this.token, 'Content-Type': 'application/json' },
      body: this.pick([
        '{',
        '{"a":',
        '{"a":1}}',
        "{'a':1}",
        '[1,2',
        'nul',
        '{"a":1,}',
        '\u0000',
        '"x',
        '{"a":"\\x"}',
      ]),
    });
    if (op.json) {
      const schema = this.resolve(op.json);
      const props = Object.entries(schema.properties ?? {});
      if (schema.required?.length) {
        f['missing required field'] = () => {
          const body = base()!;
          delete body[this.pick(schema.required!)];
          return this.json(op, 'missing required field', this.pathFor(op), body);
        };
      }
      if (props.length) {
        f['wrong type / bad value'] = () => {
          const body = base()!;
          const [name, prop] = this.pick(props);
          body[name] = this.pick(this.invalid(prop, (schema.required ?? []).includes(name)));
          return this.json(op, 'wrong type / bad value', this.pathFor(op), body);
        };
      }
      const stringProps = props.filter(([, p]) => {
        const s = this.resolve(p);
        return s.type === 'string' && (s.maxLength !== undefined || s.enum || s.format);
      });
      if (stringProps.length) {
        f['huge string'] = () => {
          const body = base()!;
          body[this.pick(stringProps)[0]] = HUGE;
          return this.json(op, 'huge string', this.pathFor(op), body);
        };
      }
      f['extra field'] = () => {
        const body = base()!;
        body[
          this.pick(['__proto__x', 'isAdmin', 'clientId', `f${Math.floor(this.random() * 1e6)}`])
        ] = this.pick([1, 'x', { nested: true }, null, HUGE]);
        return this.json(op, 'extra field', this.pathFor(op), body);
      };
      f['prototype keys'] = () => {
        const json = JSON.stringify(base());
        const key = this.pick(['__proto__', 'constructor']);
        // Prototype keys alone are dropped silently, so an unknown field rides along.
        const extra = `"${key}":{"isAdmin":true,"prototype":{"polluted":1}},"fuzzExtra":1`;
        return {
          ...this.json(op, 'prototype keys', this.pathFor(op), {}),
          body: json === '{}' ? `{${extra}}` : `{${extra},${json.slice(1)}`,
        };
      };
      f['deeply nested'] = () => {
        const depth = 50 + Math.floor(this.random() * 500);
        const body = JSON.stringify(base()).slice(0, -1);
        const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
        return {
          ...this.json(op, 'deeply nested', this.pathFor(op), {}),
          body: `${body}${body.length > 1 ? ',' : ''}"deep":${nested}}`,
        };
      };
      f['over the size limit'] = () => ({
        ...this.json(op, 'over the size limit', this.pathFor(op), {}),
        body: JSON.stringify({ ...base(), pad: HUGE.repeat(11) }),
      });
      f['not an object'] = () =>
        this.json(
          op,
          'not an object',
          this.pathFor(op),
          this.pick([[], [base()], 'text', 42, null, true]),
        );
      // A JSON route reads an unparsed multipart body as {}: only a wrong type where {} is invalid.
      const contentTypes = [
        'text/plain',
        'application/xml',
        'application/octet-stream',
        'application/json; charset=utf-16',
        'application/x-www-form-urlencoded',
        ...(schema.required?.length ? ['multipart/form-data; boundary=zz'] : []),
      ];
      f['wrong content type'] = () => ({
        category: 'wrong content type',
        method: op.method,
        url: this.pathFor(op),
        headers: {
          ...this.token,
          'Content-Type': this.pick(contentTypes),
        },
        body: JSON.stringify(base()),
      });
    }
    if (op.multipart) {
      f['bad multipart'] = () => {
        const variant = this.pick(['no file part', 'json', 'truncated', 'wrong boundary']);
        const headers: Record<string, string> = { ...this.token };
        let body: string | Buffer;
        if (variant === 'json') {
          headers['Content-Type'] = 'application/json';
          body = JSON.stringify({ file: 'x' });
        } else {
          const parts =
            variant === 'no file part'
              ? [{ field: 'other', content: 'x' }]
              : [{ filename: 'a.bpmn', contentType: 'application/xml', content: '<a/>' }];
          const built = multipart(parts);
          headers['Content-Type'] =
            variant === 'wrong boundary' ? 'multipart/form-data; boundary=nope' : built.contentType;
          body =
            variant === 'truncated' ? built.body.subarray(0, built.body.length - 20) : built.body;
        }
        return {
          category: `bad multipart (${variant})`,
          method: op.method,
          url: this.pathFor(op),
          headers,
          body,
        };
      };
    }
    const query = op.params.filter((p) => p.in === 'query');
    if (query.length) {
      f['bad query param'] = () => {
        const p = this.pick(query);
        const schema = this.resolve(p.schema ?? {});
        const special: unknown[] =
          p.name === 'limit'
            ? ['-1', 'abc', '1000000000', '0', '201', '1.5', '', ['1', '2'], { gt: '1' }]
            : p.name === 'cursor'
              ? [
                  'garbage',
                  Buffer.from('{"x":1}').toString('base64url'),
                  'eyJ9',
                  LONG_URL_PART,
                  ['a', 'b'],
                ]
              : [];
        const value = this.pick(special.length ? special : this.invalidQuery(schema));
        return plain('bad query param', `${this.pathFor(op)}?${encodeQuery(p.name, value)}`);
      };
      f['unknown query param'] = () =>
        plain(
          'unknown query param',
          `${this.pathFor(op)}?${encodeQuery(`x${Math.floor(this.random() * 1e4)}`, '1')}`,
        );
    }
    const ids = op.params.filter((p) => p.in === 'path' && ID_PARAMS.has(p.name));
    if (ids.length) {
      f['bad id'] = () => {
        const p = this.pick(ids);
        const kind = this.pick(['non-uuid', 'random uuid', 'other tenant', 'long', 'unicode']);
        const value =
          kind === 'non-uuid'
            ? this.pick([
                'abc',
                '1',
                "1' or '1'='1",
                '../../etc',
                '00000000-0000-0000-0000-00000000000g',
              ])
            : kind === 'random uuid'
              ? this.uuid()
              : kind === 'other tenant'
                ? this.strangerId(op, p.name)
                : kind === 'long'
                  ? LONG_URL_PART
                  : 'ü💥\u0001';
        return plain(`bad id (${kind})`, this.pathFor(op, { [p.name]: value }));
      };
    }
    if (op.secured) {
      f['malformed token'] = () => {
        const [label, token] = this.pick(this.badTokens);
        return plain(`malformed token (${label})`, this.pathFor(op), {
          Authorization: `Bearer ${token}`,
        });
      };
    }
    if (op.params.some((p) => p.in === 'header' && p.name === 'If-Match')) {
      f['bad If-Match'] = () =>
        plain('bad If-Match', this.pathFor(op), {
          'If-Match': this.pick([
            'abc',
            '0',
            '-1',
            '"1',
            'W/abc',
            '1234567890',
            '1.5',
            '1, 2',
            LONG_URL_PART,
          ]),
        });
    }
    if (op.params.some((p) => p.in === 'path' && p.name === 'state')) {
      f['bad enum in path'] = () =>
        plain(
          'bad enum in path',
          this.pathFor(op, { state: this.pick(['FOO', 'new', 'NEW ', LONG_URL_PART]) }),
        );
    }
    return f;
  }
}

const log = (line: string) => process.stdout.write(`${line}\n`);

function encodeQuery(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => encodeQuery(name, v)).join('&');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${name}[${k}]=${encodeURIComponent(String(v))}`)
      .join('&');
  }
  return `${name}=${encodeURIComponent(String(value))}`;
}

function operations(doc: Doc): Op[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const)
      .filter((m) => item[m])
      .map((method) => {
        const op = item[method];
        return {
          method,
          path,
          params: op.parameters ?? [],
          json: op.requestBody?.content['application/json']?.schema,
          multipart: op.requestBody?.content['multipart/form-data'] !== undefined,
          secured: op['x-permissions']?.public !== true,
        };
      }),
  );
}

async function tableChecksums(t: TestApp, tenants: string[]): Promise<Record<string, string>> {
  const tables = await t.dataSource.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns
      WHERE column_name = 'client_id' AND table_schema = current_schema() ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    for (const tenant of tenants) {
      const [row] = await t.dataSource.query<{ n: string; sum: string | null }[]>(
        `SELECT count(*)::text AS n, md5(string_agg(t::text, ',' ORDER BY t::text)) AS sum
           FROM "${table}" t WHERE client_id = $1`,
        [tenant],
      );
      out[`${table} @ ${tenant}`] = `${row.n} rows, ${row.sum ?? '-'}`;
    }
  }
  return out;
}

describe(`Fuzzing every operation of /docs-json (e2e, seed ${SEED})`, () => {
  let t: TestApp;
  let data: ProofDataset;
  let stranger: ProofDataset;
  let ops: Op[];
  let doc: Doc;
  const tenant = newTenant();

  beforeAll(async () => {
    t = await createTestApp();
    data = await seedDataset(t, tenant);
    stranger = await seedDataset(t, newTenant());
    doc = (await t.http.get('/docs-json').expect(200)).body as Doc;
    ops = operations(doc);
  }, 120_000);
  afterAll(() => t.close());

  it(`answers ${TOTAL} invalid requests with 4xx error envelopes and changes no row`, async () => {
    log(`fuzz: FUZZ_SEED=${SEED} FUZZ_REQUESTS=${TOTAL} (set both to reproduce this run)`);
    const fz = new Fuzzer(
      SEED,
      doc,
      data,
      stranger,
      bearer({ tenant, user: data.user }),
      malformedTokens(tenant),
    );
    // An operation first, then one of its mutation families: every operation gets its share.
    const generators = ops.map((op) => Object.values(fz.families(op)));
    const requests = Array.from({ length: TOTAL }, () => fz.pick(fz.pick(generators))());
    const before = await tableChecksums(t, [data.tenant, stranger.tenant]);
    const seeded = Object.entries(before).filter(
      ([k, v]) => k.endsWith(data.tenant) && !v.startsWith('0 '),
    );
    expect(seeded.map(([k]) => k.split(' ')[0])).toEqual(
      expect.arrayContaining([
        'case_types',
        'priorities',
        'processes',
        'solutions',
        'oauth_clients',
      ]),
    );

    const serverErrors: string[] = [];
    const accepted: string[] = [];
    const badEnvelopes: string[] = [];
    const tokensNotRefused: string[] = [];
    const statuses: Record<string, number> = {};
    const families: Record<string, number> = {};
    const describeReq = (r: FuzzRequest) =>
      `${r.method.toUpperCase()} ${r.url.slice(0, 200)} [${r.category}] ${String(r.headers['Content-Type'] ?? '')} ${String(r.body ?? '').slice(0, 200)}`;
    for (let i = 0; i < requests.length; i += CONCURRENCY) {
      await Promise.all(
        requests.slice(i, i + CONCURRENCY).map(async (r) => {
          let req = t.http[r.method](r.url).set(r.headers);
          if (r.body !== undefined) req = req.send(r.body);
          const res = await req;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const family = r.category.replace(/ \(.*/, '');
          families[family] = (families[family] ?? 0) + 1;
          const line = `${describeReq(r)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          if (res.status >= 500) serverErrors.push(line);
          else if (res.status < 400) accepted.push(line);
          else {
            const body = res.body as Record<string, unknown>;
            const ok =
              body.statusCode === res.status &&
              typeof body.code === 'string' &&
              /^CASE\d{4}$/.test(body.code) &&
              typeof body.message === 'string' &&
              typeof body.correlationId === 'string' &&
              body.correlationId !== '';
            if (!ok) badEnvelopes.push(line);
          }
          if (
            family === 'malformed token' &&
            (res.status !== 401 || res.body.code !== 'CASE4011')
          ) {
            tokensNotRefused.push(line);
          }
        }),
      );
    }
    log(
      `fuzz: seed ${SEED}, ${requests.length} requests, ${generators.flat().length} generators over ${ops.length} operations, statuses ${JSON.stringify(statuses)}, accepted ${accepted.length}\nfuzz: by family ${JSON.stringify(families)}`,
    );
    if (accepted.length)
      log(`fuzz: accepted (generator bugs):\n${accepted.slice(0, 20).join('\n')}`);

    expect(serverErrors.slice(0, 10)).toEqual([]);
    expect(badEnvelopes.slice(0, 10)).toEqual([]);
    expect(accepted.slice(0, 10)).toEqual([]);
    expect(families['malformed token']).toBeGreaterThan(0);
    expect(tokensNotRefused.slice(0, 10)).toEqual([]);
    expect(await tableChecksums(t, [data.tenant, stranger.tenant])).toEqual(before);
  }, 600_000);
});
