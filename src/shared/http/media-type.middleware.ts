import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

const ACCEPTED = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'];

/** A request body in a format the API does not speak is a 415, not an empty body. */
@Injectable()
export class MediaTypeMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 ||
      req.headers['transfer-encoding'] !== undefined;
    if (!hasBody || req.method === 'GET' || req.method === 'HEAD') return next();
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!ACCEPTED.includes(type) && !type.endsWith('+json')) {
      return next(
        new DomainError(
          ErrorCode.UnsupportedMediaType,
          `Content-Type '${type || 'none'}' is not supported.`,
        ),
      );
    }
    next();
  }
}
