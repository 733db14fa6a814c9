import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

const VERSION = /^(?:W\/)?(?:"([1-9][0-9]{0,8})"|([1-9][0-9]{0,8}))$/;

/** `3`, `"3"` and `W/"3"` name version 3; `*` or no header means "whatever is current". */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(header) ? header.join(',') : header)?.trim();
  if (value === undefined || value === '' || value === '*') return undefined;
  const match = VERSION.exec(value);
  if (match) return Number(match[1] ?? match[2]);
  const message = 'If-Match must be a case version, e.g. "3"';
  throw new DomainError(ErrorCode.ValidationFailed, `${message}.`, [
    { field: 'If-Match', message },
  ]);
}

/** The case version from the If-Match header, if any. */
export const IfMatchVersion = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): number | undefined =>
    parseIfMatch(ctx.switchToHttp().getRequest<Request>().headers['if-match']),
);

export const ApiIfMatch = () =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'The case version the change is based on: the ETag the server sent ("3"), the bare ' +
      'version (3), a weak tag (W/"3", as proxies that compress produce) or * (any). A stale ' +
      'one is 409 CASE4092.',
  });
