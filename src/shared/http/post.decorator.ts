import { Post as NestPost } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Nest's `@Post()` with `Idempotency-Key` (SPEC §5), which only a POST takes: every POST route
 * runs the IdempotencyInterceptor first, ahead of its own interceptors (such as `VersionETag`),
 * whatever the order its decorators are written in. (ESLint refuses Nest's own `Post`.)
 *
 * Registered for every route instead (`APP_INTERCEPTOR`), it made every GET run Nest's interceptor
 * chain, which calls `AsyncResource.bind` twice per request (Node 20 defines two accessors on
 * each bound function). With those calls, what a request reached outlived young-generation
 * collections: a minimal Nest app with one interceptor promoted 2.6 MB per collection, and none
 * with them replaced by `runInAsyncScope`. A GET of 50 cases cost about 8 % more CPU with it.
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
