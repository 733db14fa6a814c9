import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  S3Client,
  S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { OnModuleDestroy } from '@nestjs/common';
import { Readable } from 'node:stream';
import { storageFault, StoredFileNotFoundError } from './storage.errors';
import { FileStorage } from './storage.port';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, s3rver...); buckets are then addressed by path. */
  endpoint?: string;
  /** Otherwise the SDK's default chain (environment, profile, instance role). */
  credentials?: S3ClientConfig['credentials'];
}

/** Parts buffered per upload at most: PART_SIZE × QUEUE_SIZE bytes in memory. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

/**
 * Files as objects of one bucket. An upload is streamed in parts (`@aws-sdk/lib-storage`): a
 * small file becomes one PutObject, a large one a multipart upload that is never completed (and
 * is aborted) on failure, so a failed `put` never leaves an object under its key. Parts of an
 * upload whose abort also failed are the bucket's AbortIncompleteMultipartUpload rule's to reap.
 */
export class S3FileStorage extends FileStorage implements OnModuleDestroy {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    super();
    this.bucket = options.bucket;
    const { region, endpoint, credentials } = options;
    this.client = new S3Client({
      region,
      ...(credentials ? { credentials } : {}),
      // S3-compatible servers address buckets by path, and many do not understand the
      // checksum trailers the SDK adds by default; AWS itself keeps the SDK's defaults.
      ...(endpoint
        ? {
            endpoint,
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
    });
  }

  async put(key: string, stream: Readable): Promise<void> {
    // The stream's own failure (too large, client gone) is the one to report, even when
    // aborting the multipart upload fails as well.
    let streamFailure: Error | undefined;
    stream.once('error', (error) => (streamFailure ??= error));
    const upload = new Upload({
      client: this.client,
      // Re-wrapped: lib-storage reads a `size` or `length` property as the total byte count, and
      // a counting stream (the upload meter) has one that is still 0 when the upload starts.
      params: { Bucket: this.bucket, Key: key, Body: Readable.from(stream, { objectMode: false }) },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      throw streamFailure ?? storageFault(error);
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const { Body } = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key }),
      );
      if (!(Body instanceof Readable)) throw new Error(`S3 returned no stream for '${key}'`);
      return Body;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') {
        throw new StoredFileNotFoundError();
      }
      throw storageFault(error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw storageFault(error);
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}
