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
      return new DomainError(
        ErrorCode.UnsupportedMediaType,
        `Charset '${String(e.charset)}' is not supported; send UTF-8.`,
      );
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

/** Deeper bodies are refused before validation, whose recursion they could overflow. */
export const MAX_BODY_DEPTH = 32;

function depthExceeds(value: unknown, max: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > max) return true;
    level = level.flatMap((v) => (v !== null && typeof v === 'object' ? Object.values(v) : []));
  }
  return false;
}

export function limitBodyDepth(req: Request, _res: Response, next: NextFunction): void {
  if (depthExceeds(req.body, MAX_BODY_DEPTH)) {
    return next(
      new DomainError(
        ErrorCode.BadRequest,
        `The request body nests deeper than ${MAX_BODY_DEPTH} levels.`,
      ),
    );
  }
  next();
}

export function bodyParserErrors(
  error: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  next(bodyParserError(error) ?? error);
}
