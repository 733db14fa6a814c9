import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

interface ParserError {
  type?: unknown;
  status?: unknown;
  charset?: unknown;
  encoding?: unknown;
  limit?: unknown;
  message?: unknown;
}

/**
 * Translates a body-parser failure into a coded error. Registered right after the parsers:
 * Nest would otherwise turn a JSON syntax error into a bare 400 and pass the others through
 * untyped (a broken gzip body would become a 500).
 */
export function bodyParserError(error: unknown): DomainError | undefined {
  if (!error || typeof error !== 'object' || error instanceof DomainError) return undefined;
  const e = error as ParserError;
  switch (e.type) {
    case 'entity.parse.failed':
      return new DomainError(ErrorCode.MalformedJson, undefined, [
        { field: 'body', message: typeof e.message === 'string' ? e.message : 'invalid JSON' },
      ]);
    case 'entity.too.large':
      return new DomainError(
        ErrorCode.PayloadTooLarge,
        typeof e.limit === 'number' ? `The request body exceeds ${e.limit} bytes.` : undefined,
      );
    case 'charset.unsupported':
      return unsupportedCharset(String(e.charset));
    case 'encoding.unsupported':
      return new DomainError(
        ErrorCode.UnsupportedMediaType,
        `Content-Encoding '${String(e.encoding)}' is not supported.`,
      );
  }
  const status = Number(e.status);
  if (status >= 400 && status < 500) {
    return new DomainError(ErrorCode.BadRequest, 'The request body could not be read.');
  }
  return undefined;
}

const unsupportedCharset = (charset: string) =>
  new DomainError(
    ErrorCode.UnsupportedMediaType,
    `Charset '${charset}' is not supported; send UTF-8.`,
  );

const JSON_TYPE = /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/**
 * JSON bodies are UTF-8 (RFC 8259, 8.1). body-parser also decodes UTF-16 and UTF-32, which turned
 * a body sent so into a syntax error (400); like any other charset, they are a 415 instead.
 * Registered ahead of the parsers.
 */
export function refuseNonUtf8Json(req: Request, _res: Response, next: NextFunction): void {
  const type = req.headers['content-type'];
  const charset = type && JSON_TYPE.test(type) ? CHARSET.exec(type)?.[1].toLowerCase() : undefined;
  if (charset === undefined || charset === 'utf-8') return next();
  next(unsupportedCharset(charset));
}

/** Deeper bodies are refused before validation, whose recursion they could overflow. */
export const MAX_BODY_DEPTH = 32;

/** Keys that reach for an object's prototype: never a field of this API, refused outright. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function inspect(value: unknown, max: number): DomainError | undefined {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > max) {
      return new DomainError(
        ErrorCode.BadRequest,
        `The request body nests deeper than ${max} levels.`,
      );
    }
    const next: unknown[] = [];
    for (const v of level) {
      if (v === null || typeof v !== 'object') continue;
      for (const key of Object.keys(v)) {
        if (RESERVED_KEYS.has(key)) {
          return new DomainError(ErrorCode.ValidationFailed, undefined, [
            { field: key, message: `property ${key} should not exist` },
          ]);
        }
        next.push((v as Record<string, unknown>)[key]);
      }
    }
    level = next;
  }
  return undefined;
}

export function inspectBody(req: Request, _res: Response, next: NextFunction): void {
  next(inspect(req.body, MAX_BODY_DEPTH));
}

export function bodyParserErrors(
  error: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  next(bodyParserError(error) ?? error);
}
