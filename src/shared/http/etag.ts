import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader, ApiResponse, DECORATORS } from '@nestjs/swagger';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

/** The strong entity tag of a versioned resource: its version, quoted (`"3"`). */
export const versionETag = (version: number): string => `"${version}"`;

/** Sets `ETag: "<version>"` from the answered `data.version`, so If-Match can send it back. */
@Injectable()
export class VersionETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { data?: { version?: unknown } } | undefined)?.data?.version;
        if (Number.isSafeInteger(version)) res.setHeader('ETag', versionETag(version as number));
        return body;
      }),
    );
  }
}

const ETAG_HEADER = {
  ETag: {
    description:
      'The version of the answered resource as a strong entity tag, e.g. "3"; send it back in If-Match.',
    schema: { type: 'string', example: '"3"' },
  },
};

/**
 * Answers `ETag: "<version>"` and declares that header on the route's 2xx responses. Put it
 * above (that is, after) the ApiRead/ApiWrite it extends: it adds the header to their entries.
 */
export function VersionETag(): MethodDecorator {
  return (target, key, descriptor) => {
    const method = descriptor.value as object;
    const responses = (Reflect.getMetadata(DECORATORS.API_RESPONSE, method) ?? {}) as Record<
      string,
      { headers?: object }
    >;
    const ok = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
    if (ok.length === 0) throw new Error(`VersionETag on ${String(key)}: no 2xx response yet`);
    const withHeader = Object.fromEntries(
      Object.entries(responses).map(([status, response]) => [
        status,
        ok.includes(status)
          ? { ...response, headers: { ...response.headers, ...ETAG_HEADER } }
          : response,
      ]),
    );
    Reflect.defineMetadata(DECORATORS.API_RESPONSE, withHeader, method);
    return UseInterceptors(VersionETagInterceptor)(target, key, descriptor);
  };
}

/**
 * Declares the conditional GET a versioned read answers: with `If-None-Match` naming the current
 * version's tag, `304` without a body (Express answers it from the ETag the interceptor sets).
 */
export function ApiNotModified(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'The ETag of the copy the client holds, e.g. "3"; 304 while it is current.',
    }),
    ApiResponse({
      status: 304,
      description: 'Not modified: If-None-Match names the current version. No body.',
      headers: ETAG_HEADER,
    }),
  );
}
