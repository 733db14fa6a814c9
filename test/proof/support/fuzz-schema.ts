import { ProofDataset, resolvePath } from '../proof-dataset';

export interface Schema {
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
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
export interface Operation {
  'x-permissions'?: { public?: boolean };
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
export interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
export interface Op {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  params: Parameter[];
  json?: Schema;
  multipart: boolean;
  secured: boolean;
}
export interface FuzzRequest {
  category: string;
  method: Op['method'];
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export const HUGE = 'a'.repeat(100 * 1024);
export const LONG_URL_PART = 'b'.repeat(4 * 1024);
export const ID_PARAMS = new Set(['id', 'fileId', 'docId', 'clientId']);

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function encodeQuery(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => encodeQuery(name, v)).join('&');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${name}[${k}]=${encodeURIComponent(String(v))}`)
      .join('&');
  }
  return `${name}=${encodeURIComponent(String(value))}`;
}

/** Seeded schema mutations: valid and invalid values, paths and JSON requests for an operation. */
export class SchemaFuzzer {
  protected readonly random: () => number;

  constructor(
    seed: number,
    protected readonly doc: Doc,
    protected readonly data: ProofDataset,
    protected readonly stranger: ProofDataset,
    protected readonly token: Record<string, string>,
    protected readonly badTokens: [string, string][],
  ) {
    this.random = mulberry32(seed);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  protected uuid(): string {
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

  protected pathFor(op: Op, override: Record<string, string> = {}): string {
    let path = op.path;
    for (const [name, value] of Object.entries(override)) {
      path = path.replace(`{${name}}`, encodeURIComponent(value));
    }
    return resolvePath(path, this.data);
  }

  protected strangerId(op: Op, name: string): string {
    const segments = resolvePath(op.path, this.stranger).split('/');
    return decodeURIComponent(segments[op.path.split('/').indexOf(`{${name}}`)]);
  }

  protected json(op: Op, category: string, path: string, body: unknown): FuzzRequest {
    return {
      category,
      method: op.method,
      url: path,
      headers: { ...this.token, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    };
  }
}
