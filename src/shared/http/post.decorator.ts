import { Post as NestPost } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Nest's `@Post()` with `Idempotency-Key` (SPEC §5), which only a POST takes: every POST route
 * runs the IdempotencyInterceptor first, ahead of its own interceptors (such as `VersionETag`),
 * whatever the order its decorators are written in. (ESLint refuses Nest's own `Post`.)
 *
 * Registered for every route instead (`APP_INTERCEPTOR`), it made every GET run Nest's interceptor
 * chain, which binds two `AsyncResource`s per request: on Node 20 each bound function gets a
 * hidden class of its own, and what its closures reach (the request, its response, its rows)
 * then outlives young-generation collections. A GET of 50 cases cost about 7 % more CPU with it.
 */
export function Post(path?: string | string[]): MethodDecorator {
  return (target, key, descriptor) => {
    NestPost(path)(target, key, descriptor);
    const handler = descriptor.value as object;
    const others = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []) as unknown[];
    Reflect.defineMetadata(INTERCEPTORS_METADATA, [IdempotencyInterceptor, ...others], handler);
    return descriptor;
  };
}
