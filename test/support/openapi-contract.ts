import { INestApplication } from '@nestjs/common';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { buildOpenApi } from '../../src/shared/http/swagger';

/**
 * Contract conformance: every response an in-process test app sends is checked against the
 * app's own OpenAPI document (operation by path template and method, declared status, media
 * type, JSON schema, documented headers). Violations are collected here and fail the test in
 * which they happened (test/support/contract-hooks.ts).
 */

type Json = Record<string, unknown>;
interface MediaType {
  schema?: Json;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
  headers?: Record<string, { required?: boolean; schema?: Json }>;
}
interface OperationObject {
  responses?: Record<string, ResponseObject>;
}
interface Doc {
  paths: Record<string, Record<string, OperationObject>>;
}
interface Route {
  template: string;
  pattern: RegExp;
  literals: number;
}
interface Compiled {
  doc: Doc;
  ajv: Ajv2020;
  routes: Route[];
  validators: Map<string, ValidateFunction>;
}

/** Headers the service sets on purpose; when one is sent, the response must declare it. */
const TRACKED_HEADERS = ['etag', 'idempotent-replayed', 'x-correlation-id', 'retry-after'];
/** Express's own weak body hash (`W/"<length>-<sha1>"`), not the service's validator. */
const EXPRESS_ETAG = /^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/;
const EXCLUDED = /^\/(docs|metrics)(\/|-|$)/;
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const MAX_CAPTURE = 2 * 1024 * 1024;

const violations: string[] = [];
const byDigest = new Map<string, Compiled>();
let checked = 0;

export function takeViolations(): string[] {
  return violations.splice(0, violations.length);
}

/** How many responses were checked in this test file (for the layer's own test). */
export function checkedResponses(): number {
  return checked;
}

function compile(doc: Doc): Compiled {
  const digest = createHash('sha1').update(JSON.stringify(doc)).digest('hex');
  const cached = byDigest.get(digest);
  if (cached) return cached;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(closed(doc), 'openapi.json');
  const routes = Object.keys(doc.paths).map((template) => {
    const segments = template.split('/');
    const source = segments
      .map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join('/');
    return {
      template,
      pattern: new RegExp(`^${source}/?$`),
      literals: segments.filter((s) => !s.startsWith('{')).length,
    };
  });
  // A literal segment beats a parameter: /cases/assigned before /cases/{id}.
  routes.sort((a, b) => b.literals - a.literals);
  const compiled = { doc, ajv, routes, validators: new Map<string, ValidateFunction>() };
  byDigest.set(digest, compiled);
  return compiled;
}

/**
 * The document with every object schema closed (`unevaluatedProperties: false`), so a response
 * field the document does not declare is a violation here. The published document stays open:
 * fields may be added (API.md), and clients must ignore what they do not know.
 */
function closed<T>(node: T, inAllOf = false): T {
  if (Array.isArray(node)) return node.map((item) => closed(item, inAllOf)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, closed(value, key === 'allOf')]),
  );
  const open = 'additionalProperties' in copy || 'unevaluatedProperties' in copy;
  if ('properties' in copy && !open && !inAllOf) copy.unevaluatedProperties = false;
  return copy as T;
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function validatorFor(c: Compiled, ref: string): ValidateFunction {
  let validate = c.validators.get(ref);
  if (!validate) {
    validate = c.ajv.compile({ $ref: `openapi.json#/${ref}` });
    c.validators.set(ref, validate);
  }
  return validate;
}

function matches(declared: string, actual: string): boolean {
  if (declared === '*/*' || declared === actual) return true;
  return declared.endsWith('/*') && actual.startsWith(declared.slice(0, -1));
}

export interface Exchange {
  method: string;
  path: string;
  status: number;
  header(name: string): string | undefined;
  body: Buffer;
}

/** The ways one response breaks the document (empty when it conforms). */
export function checkExchange(doc: object, x: Exchange): string[] {
  return check(compile(doc as Doc), x);
}

function check(c: Compiled, x: Exchange): string[] {
  const route = c.routes.find((r) => r.pattern.test(x.path));
  const operation = route ? c.doc.paths[route.template][x.method] : undefined;
  if (!route || !operation) return [];
  const label = `${x.method.toUpperCase()} ${route.template} → ${x.status}`;
  const responses = operation.responses ?? {};
  const key = [String(x.status), `${String(x.status)[0]}XX`, 'default'].find(
    (k) => responses[k] !== undefined,
  );
  if (!key) {
    return [
      `${label}: status ${x.status} is not declared (declared: ${Object.keys(responses).join(', ')})`,
    ];
  }
  const response = responses[key];
  const problems = checkHeaders(response, x.header).map((p) => `${label}: ${p}`);
  const mediaType = x.header('content-type')?.split(';')[0].trim().toLowerCase();
  const content = response.content ?? {};
  if (!mediaType || x.body.length === 0) {
    // An empty file is a valid download; an empty JSON answer is not.
    if (Object.keys(content).some((m) => /[/+]json$/.test(m)) && x.status !== 304) {
      problems.push(`${label}: empty body, but ${Object.keys(content).join(', ')} is declared`);
    }
    return problems;
  }
  const declared = Object.keys(content).find((m) => matches(m, mediaType));
  if (!declared) {
    problems.push(
      `${label}: media type ${mediaType} is not declared (declared: ${Object.keys(content).join(', ') || 'no content'})`,
    );
    return problems;
  }
  if (!/[/+]json$/.test(declared) || !content[declared].schema) return problems;
  let body: unknown;
  try {
    body = JSON.parse(x.body.toString('utf8'));
  } catch {
    return [...problems, `${label}: ${mediaType} body is not JSON`];
  }
  const ref = pointer('paths', route.template, x.method, 'responses', key, 'content', declared);
  const validate = validatorFor(c, `${ref}/schema`);
  if (!validate(body)) {
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''} [${e.schemaPath}]`)
      .join('; ');
    problems.push(
      `${label} (${declared}): body does not match the schema: ${errors}\n    body: ${JSON.stringify(body).slice(0, 400)}`,
    );
  }
  return problems;
}

function checkHeaders(response: ResponseObject, header: Exchange['header']): string[] {
  const declared = new Map(
    Object.entries(response.headers ?? {}).map(([name, h]) => [name.toLowerCase(), h]),
  );
  const problems: string[] = [];
  for (const name of TRACKED_HEADERS) {
    const value = header(name);
    if (value === undefined) continue;
    if (name === 'etag' && EXPRESS_ETAG.test(value)) continue;
    if (!declared.has(name)) problems.push(`header ${name} is sent but not declared`);
  }
  for (const [name, h] of declared) {
    if (h.required && header(name) === undefined) {
      problems.push(`declared required header ${name} is missing`);
    }
  }
  return problems;
}

/** Installs the check on an app before its routes are registered (call before app.init()). */
export function installContractCheck(app: INestApplication): void {
  let compiled: Compiled | undefined;
  app.use((req: Request, res: Response, next: NextFunction) => {
    const method = req.method.toLowerCase();
    const path = req.originalUrl.split('?')[0];
    if (!METHODS.has(method) || EXCLUDED.test(path)) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(
            chunk as string,
            typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
          );
      if (size + buffer.length <= MAX_CAPTURE) chunks.push(buffer);
      size += buffer.length;
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as Response['write'];
    res.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      try {
        compiled ??= compile(buildOpenApi(app) as unknown as Doc);
        checked += 1;
        const body = size <= MAX_CAPTURE ? Buffer.concat(chunks) : Buffer.alloc(0);
        const header = (name: string) => {
          const value = res.getHeader(name);
          return value === undefined ? undefined : String(value);
        };
        violations.push(...check(compiled, { method, path, status: res.statusCode, header, body }));
      } catch (error) {
        violations.push(`${req.method} ${path}: contract check failed: ${String(error)}`);
      }
      return end(...args);
    }) as Response['end'];
    next();
  });
}
