import { getSchemaPath, OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CATALOGUE, ErrorCode } from '../errors/error-codes';
import { ErrorResponseDto } from './error-response.dto';

/**
 * What @nestjs/swagger emits, made acceptable as is to validating proxies, linters and code
 * generators: OpenAPI 3.1 schemas (JSON Schema 2020-12), and the statuses, media types and
 * headers every route shares declared once, here, instead of on each route.
 */

type Json = Record<string, unknown>;
interface Response {
  description?: string;
  content?: Record<string, { schema?: Json; example?: unknown }>;
  headers?: Record<string, Json>;
}
interface Operation {
  parameters?: Json[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Json }> };
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
  'x-permissions'?: { public?: boolean };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ERROR_SCHEMA = () => ({ $ref: getSchemaPath(ErrorResponseDto) });
const HEX_COLOR_UPPER = '^#?([0-9A-F]{3}|[0-9A-F]{4}|[0-9A-F]{6}|[0-9A-F]{8})$';
const HEX_COLOR = '^#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$';
const CASE_SCHEMA = '#/components/schemas/CaseResponseDto';

const HEADERS: Record<string, Json> = {
  'x-correlation-id': {
    description: 'The request’s correlation id (echoed from the request, else generated).',
    schema: { type: 'string', example: '7f6c1f5e-3c1b-4f21-9d57-2d2b9c7c1a11' },
  },
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', minimum: 0, example: 30 },
  },
  'Idempotent-Replayed': {
    description:
      '`true` when this is the stored answer to an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
  ETag: {
    description: 'The case version (send it back as `If-Match`).',
    schema: { type: 'string', example: '"3"' },
  },
  'Content-Disposition': {
    description: '`attachment` with the stored file name (RFC 6266).',
    schema: { type: 'string', example: 'attachment; filename="report.pdf"' },
  },
};

/** OpenAPI 3.0 `nullable` as JSON Schema 2020-12: a type union, or `anyOf` with `null`. */
export function toJsonSchemaNulls(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(toJsonSchemaNulls);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  for (const value of Object.values(schema)) toJsonSchemaNulls(value);
  // class-validator's IsHexColor accepts either case; the Swagger plugin's pattern does not.
  if (schema.pattern === HEX_COLOR_UPPER) schema.pattern = HEX_COLOR;
  if (typeof schema.nullable !== 'boolean') return;
  const nullable = schema.nullable;
  delete schema.nullable;
  if (!nullable) return;
  const composed = schema.$ref ?? schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (composed !== undefined) {
    const inner: Json = schema.$ref
      ? { $ref: schema.$ref }
      : Array.isArray(schema.allOf) && schema.allOf.length === 1
        ? (schema.allOf[0] as Json)
        : { ...pick(schema, ['allOf', 'oneOf', 'anyOf']) };
    for (const key of ['$ref', 'allOf', 'oneOf', 'anyOf', 'type']) delete schema[key];
    schema.anyOf = [inner, { type: 'null' }];
    return;
  }
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
}

function pick(source: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

function resolve(doc: OpenAPIObject, schema: Json | undefined): Json | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  return doc.components?.schemas?.[ref.split('/').pop()!] as Json | undefined;
}

function errorResponse(code?: ErrorCode): Response {
  return {
    description: code ? `${code}: ${ERROR_CATALOGUE[code].message}` : '',
    content: { 'application/json': { schema: ERROR_SCHEMA() } },
  };
}

function declareShared(doc: OpenAPIObject, op: Operation, method: string): void {
  // A public route says so explicitly: no security requirement.
  if (op['x-permissions']?.public) op.security = [];
  const body = op.requestBody;
  if (body?.content['multipart/form-data']) {
    op.responses['507'] ??= {
      description: 'The file store is full.',
      content: errorResponse().content,
    };
  }
  if (body) {
    // A body whose every field is optional may be left out altogether.
    const json = resolve(doc, body.content['application/json']?.schema);
    if (json && !(Array.isArray(json.required) && json.required.length)) body.required = false;
  }
  // The body parsers run before routing: any request that carries a body, even a GET, may be
  // refused as malformed, too large or of an unsupported media type.
  op.responses['400'] ??= errorResponse(ErrorCode.MalformedJson);
  op.responses['413'] ??= errorResponse(ErrorCode.PayloadTooLarge);
  op.responses['415'] ??= errorResponse(ErrorCode.UnsupportedMediaType);
  // Any route needs the database (or storage): when it is unreachable, 503. An unexpected
  // failure answers the same envelope with 500 (never for bad input).
  op.responses['500'] ??= errorResponse(ErrorCode.Internal);
  op.responses['503'] ??= errorResponse(ErrorCode.DependencyUnavailable);
  const statuses = Object.keys(op.responses);
  const successes = statuses.filter((s) => s.startsWith('2'));
  for (const status of successes) {
    // The Swagger CLI plugin adds POST's default 201 when @HttpCode sits inside a helper.
    if (successes.length > 1 && !op.responses[status].description) delete op.responses[status];
  }
  for (const [status, response] of Object.entries(op.responses)) {
    const code = Number(status);
    if (code >= 400) {
      // An error is JSON whatever the route produces on success (downloads).
      const declared = response.content ?? {};
      if (!declared['application/json']) response.content = errorResponse().content;
    } else if (response.content?.['application/octet-stream']) {
      response.content = { '*/*': { schema: { type: 'string', format: 'binary' } } };
      response.headers = {
        ...response.headers,
        'Content-Disposition': HEADERS['Content-Disposition'],
      };
    }
    response.headers = { ...response.headers, 'x-correlation-id': HEADERS['x-correlation-id'] };
    if (code === 429 || code === 503) response.headers['Retry-After'] = HEADERS['Retry-After'];
    if (code >= 200 && code < 300 && method === 'post' && !op['x-permissions']?.public) {
      response.headers['Idempotent-Replayed'] = HEADERS['Idempotent-Replayed'];
    }
    const data = (response.content?.['application/json']?.schema?.properties as Json | undefined)
      ?.data as Json | undefined;
    if (code < 300 && data?.$ref === CASE_SCHEMA) response.headers.ETag = HEADERS.ETag;
  }
}

/** Applies the document-wide declarations and the 3.1 form to what Nest generated. */
export function finishDocument(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (op) declareShared(doc, op, method);
    }
  }
  toJsonSchemaNulls(doc);
  doc.openapi = '3.1.0';
  return doc;
}
