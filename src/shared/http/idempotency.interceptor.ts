import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { storageConfig, StorageConfig } from '../../config/configuration';
import { Actor } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { Clock } from '../time/clock';
import { IdempotencyStore, IdempotentRequest } from './idempotency.store';
import { fingerprintUpload, uploadFingerprintOf } from './multipart-upload';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_FORMAT = /^[\x20-\x7e]{1,200}$/;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

const isUpload = (req: Request) => mediaType(req) === 'multipart/form-data';

/**
 * Everything but an upload's content: media type, query and parsed body. An upload is only
 * known once read through, so its hash is completed with the upload's own fingerprint.
 */
function describe(req: Request): IdempotentRequest {
  const parts = { type: mediaType(req), query: req.query, body: req.body ?? null };
  return {
    method: req.method,
    path: req.originalUrl.split('?')[0],
    requestHash: sha256(JSON.stringify(canonical(parts))),
  };
}

function withUpload(requestHash: string, upload: string | undefined): string {
  return upload === undefined ? requestHash : sha256(`${requestHash}:${upload}`);
}

/**
 * SPEC §5: a POST carrying `Idempotency-Key` that repeats within 24 h gets the first response
 * back and runs nothing. Keys are scoped to the caller (tenant and subject).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
    @Inject(storageConfig.KEY) private readonly storage: StorageConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: unknown }>();
    const res = context.switchToHttp().getResponse<Response>();
    const header = req.headers[IDEMPOTENCY_HEADER];
    const actor = req.user;
    if (req.method !== 'POST' || header === undefined || !(actor instanceof Actor)) {
      return next.handle();
    }
    const key = Array.isArray(header) ? header.join(', ') : header;
    if (!KEY_FORMAT.test(key)) {
      throw new DomainError(ErrorCode.InvalidIdempotencyKey);
    }
    const request = describe(req);
    const claim = await this.store.claim(actor, key, request, this.clock.now());
    if (claim.kind !== 'claimed') {
      const first = claim.request;
      if (first.method !== request.method || first.path !== request.path) {
        throw new DomainError(
          ErrorCode.IdempotencyKeyReused,
          `This Idempotency-Key was used for ${first.method} ${first.path}.`,
        );
      }
      // A pending upload's fingerprint is not known yet: reading this one through is no help.
      if (claim.kind === 'pending' && isUpload(req)) {
        throw new DomainError(ErrorCode.IdempotencyInProgress);
      }
      if (claim.kind === 'completed' && isUpload(req)) {
        const upload = await fingerprintUpload(req, this.storage.maxUploadBytes);
        request.requestHash = withUpload(request.requestHash, upload);
      }
      if (first.requestHash !== request.requestHash) {
        throw new DomainError(
          ErrorCode.IdempotencyKeyReused,
          'This Idempotency-Key was used with a different request body.',
        );
      }
      if (claim.kind === 'pending') throw new DomainError(ErrorCode.IdempotencyInProgress);
      res.status(claim.status).setHeader('Idempotent-Replayed', 'true');
      return of(claim.body === null ? undefined : JSON.parse(claim.body));
    }
    return next.handle().pipe(
      catchError((error: unknown) =>
        from(this.forget(actor, key, claim.at)).pipe(mergeMap(() => throwError(() => error))),
      ),
      mergeMap(async (body: unknown) => {
        if (body instanceof StreamableFile) {
          await this.forget(actor, key, claim.at);
          return body;
        }
        // The action has happened: a failure to record its response must not turn it into an
        // error; the key then stays pending until its lease runs out.
        await this.store
          .complete(actor, key, claim.at, {
            requestHash: withUpload(request.requestHash, uploadFingerprintOf(req)),
            status: res.statusCode,
            body: body === undefined ? null : JSON.stringify(body),
          })
          .catch((error: unknown) =>
            this.logger.error({ err: error }, 'idempotency key not saved'),
          );
        return body;
      }),
    );
  }

  private forget(actor: Actor, key: string, claimedAt: Date): Promise<void> {
    return this.store
      .release(actor, key, claimedAt)
      .catch((error: unknown) => this.logger.error({ err: error }, 'idempotency key not released'));
  }
}
