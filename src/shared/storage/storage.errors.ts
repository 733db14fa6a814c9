import { DomainError, NotFoundError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

export class StoredFileNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.StoredFileNotFound);
  }
}

/** 507: the disk or the quota is full; retrying at once will not help. */
export class StorageFullError extends DomainError {
  constructor(override readonly cause: unknown) {
    super(ErrorCode.StorageFull);
  }
}

/** 503: the storage cannot be written or reached (permissions, read-only, missing, network). */
export class StorageUnavailableError extends DomainError {
  constructor(override readonly cause: unknown) {
    super(ErrorCode.StorageUnavailable);
  }
}

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'XMinioStorageFull']);
const UNAVAILABLE = new Set([
  // Local directory: not writable, read-only, not a directory, gone, or the device failed.
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EISDIR',
  'EIO',
  'EMFILE',
  'ENFILE',
  // Network (S3).
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'TimeoutError',
  // S3 answers.
  'AccessDenied',
  'NoSuchBucket',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ServiceUnavailable',
  'SlowDown',
  'InternalError',
  'XMinioServerNotInitialized',
]);

/**
 * What a storage adapter's failure means to a client: a full or unusable storage is the
 * service's condition (507/503), not a bug (500). Errors already coded, such as an upload over
 * the limit, pass through unchanged.
 */
export function storageFault(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  const id = typeof code === 'string' ? code : typeof name === 'string' ? name : '';
  if (FULL.has(id)) return new StorageFullError(error);
  if (UNAVAILABLE.has(id)) return new StorageUnavailableError(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata
    ?.httpStatusCode;
  if (status !== undefined && status >= 500) return new StorageUnavailableError(error);
  return error;
}
