import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, TestApp } from '../support/test-app';

type Json = Record<string, unknown>;
interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; schema?: Json }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, unknown>; headers?: Json }>;
}
interface Doc {
  openapi: string;
  info: { description: string };
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

const ROOT = join(__dirname, '..', '..');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function operations(doc: Doc): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m): [string, Operation] => [
      `${m.toUpperCase()} ${path}`,
      item[m],
    ]),
  );
}

/** Every object under `node` that has `key`, with its JSON pointer. */
function withKey(node: unknown, key: string, at = ''): string[] {
  if (!node || typeof node !== 'object') return [];
  const own = key in node ? [at || '/'] : [];
  return [...own, ...Object.entries(node).flatMap(([k, v]) => withKey(v, key, `${at}/${k}`))];
}

describe('The OpenAPI document third-party tools read (e2e)', () => {
  let t: TestApp;
  let doc: Doc;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/docs-json').expect(200)).body as Doc;
  });
  afterAll(() => t.close());

  it('is OpenAPI 3.1 with JSON Schema nulls, never the 3.0 `nullable`', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(withKey(doc, 'nullable')).toEqual([]);
    const caseSchema = doc.components.schemas.CaseResponseDto as { properties: Json };
    for (const name of ['caseRelation', 'transferredTo', 'priority']) {
      expect(caseSchema.properties[name]).toMatchObject({ anyOf: [{}, { type: 'null' }] });
    }
    const caseType = doc.components.schemas.CaseTypeResponseDto as { properties: Json };
    expect(caseType.properties.dueDate).toMatchObject({ anyOf: [{}, { type: 'null' }] });
  });

  it('passes `redocly lint` with the recommended rules: no errors, only justified warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const cli = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
    const config = join(ROOT, 'redocly.yaml');
    const run = await promisify(execFile)(
      process.execPath,
      [cli, 'lint', file, '--config', config, '--format', 'json'],
      { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(run.stdout) as {
      problems: {
        ruleId: string;
        severity: string;
        message: string;
        location: { pointer: string }[];
      }[];
    };
    const describe = (p: (typeof report.problems)[number]) =>
      `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`;
    expect(report.problems.filter((p) => p.severity === 'error').map(describe)).toEqual([]);
    const justified = readFileSync(config, 'utf8');
    const unjustified = report.problems
      .filter((p) => p.severity === 'warn' && !justified.includes(`  ${p.ruleId}:`))
      .map(describe);
    expect(unjustified).toEqual([]);
  }, 60_000);

  it('every operation has a short summary and a described tag', () => {
    const described = new Set(doc.tags.filter((tag) => tag.description).map((tag) => tag.name));
    const problems = operations(doc).flatMap(([label, op]) => [
      ...(op.summary && op.summary.length <= 80 ? [] : [`${label}: summary ${op.summary}`]),
      ...(op.tags ?? []).filter((tag) => !described.has(tag)).map((tag) => `${label}: tag ${tag}`),
    ]);
    expect(problems).toEqual([]);
  });

  it('keeps the error catalogue out of the info description (Swagger UI shows it first)', () => {
    expect(doc.info.description.length).toBeLessThan(600);
    expect(doc.info.description).toContain('x-error-codes');
  });

  it('gives every request field an example, so "Try it out" never shows regex-made values', () => {
    const missing: string[] = [];
    const requestSchemas = new Set<string>();
    for (const [, op] of operations(doc)) {
      for (const media of Object.values(op.requestBody?.content ?? {})) {
        const ref = media.schema?.$ref;
        if (typeof ref === 'string') requestSchemas.add(ref.split('/').pop()!);
      }
    }
    expect(requestSchemas.size).toBeGreaterThan(20);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [field, prop] of Object.entries(
        (schema.properties ?? {}) as Record<string, Json>,
      )) {
        const structural = prop.$ref || prop.anyOf || prop.allOf || prop.type === 'object';
        const items = prop.items as Json | undefined;
        if (structural || items?.$ref) continue;
        if (prop.example === undefined && (requestSchemas.has(name) || prop.pattern)) {
          missing.push(`${name}.${field}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares an optional body for the actions that need none, a required one otherwise', () => {
    const body = (path: string) => doc.paths[path].post.requestBody;
    for (const action of ['open', 'process', 'complete', 'reopen', 'claim', 'hold', 'cancel']) {
      expect(body(`/api/v1/cases/{id}/${action}`)).toMatchObject({ required: false });
    }
    expect(body('/api/v1/cases/{id}/resolve')).toMatchObject({ required: true });
    expect(body('/api/v1/cases')).toMatchObject({ required: true });
  });

  it('accepts the lower-case colours the server accepts', () => {
    const color = (doc.components.schemas.CreatePriorityRequestDto.properties as Json).color as {
      pattern: string;
    };
    expect(new RegExp(color.pattern).test('#e53935')).toBe(true);
    expect(new RegExp(color.pattern).test('#E53935')).toBe(true);
    expect(new RegExp(color.pattern).test('red')).toBe(false);
  });

  it('declares downloads with any media type on success and JSON errors', () => {
    const op = doc.paths['/api/v1/cases/{id}/documents/{docId}/content'].get;
    expect(Object.keys(op.responses['200'].content ?? {})).toEqual(['*/*']);
    for (const status of ['400', '401', '403', '404']) {
      expect(Object.keys(op.responses[status].content ?? {})).toEqual(['application/json']);
    }
  });

  it('declares one success status per operation, 400/413/415 everywhere (the body parsers run before routing), and the shared headers', () => {
    const problems = operations(doc).flatMap(([label, op]) => {
      const found: string[] = [];
      const successes = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      if (successes.length !== 1) found.push(`${label}: ${successes.join(', ')}`);
      if (!(op.responses['400'] && op.responses['413'] && op.responses['415']))
        found.push(`${label}: 400/413/415`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response.headers?.['x-correlation-id'])
          found.push(`${label} ${status}: x-correlation-id`);
      }
      if (op.responses['429'] && !op.responses['429'].headers?.['Retry-After'])
        found.push(`${label}: Retry-After`);
      return found;
    });
    expect(problems).toEqual([]);
    expect(doc.paths['/api/v1/cases/{id}'].patch.responses['200'].headers).toHaveProperty('ETag');
    expect(doc.paths['/api/v1/cases'].post.responses['201'].headers).toHaveProperty(
      'Idempotent-Replayed',
    );
  });

  it('types `limit` as an integer 1-200 and requires both page fields', () => {
    const list = doc.paths['/api/v1/cases'].get;
    const limit = list.parameters?.find((p) => p.name === 'limit');
    expect(limit?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
    const schema = (list.responses['200'].content as Record<string, { schema: Json }>)[
      'application/json'
    ].schema as { properties: { page: Json } };
    expect(schema.properties.page.required).toEqual(['limit', 'nextCursor']);
  });
});
