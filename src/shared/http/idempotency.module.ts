import { Global, Module } from '@nestjs/common';
import { IdempotencyStore } from './idempotency.store';

/**
 * The store behind `Idempotency-Key`. Global, because every module with a POST route instantiates
 * the IdempotencyInterceptor its routes run (`Post`, post.decorator.ts) and needs the store for it.
 */
@Global()
@Module({ providers: [IdempotencyStore], exports: [IdempotencyStore] })
export class IdempotencyModule {}
