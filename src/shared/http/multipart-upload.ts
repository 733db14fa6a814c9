import { applyDecorators, Inject, Injectable, Logger } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import busboy from 'busboy';
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { extname } from 'node:path';
import { Readable, Transform, TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { storageConfig, StorageConfig } from '../../config/configuration';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { FileStorage } from '../storage/storage.port';

export const UPLOAD_FIELD = 'file';
const MAX_FILE_NAME = 200;
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** A file received from a client and stored under a key the service minted. */
export interface ReceivedFile {
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** The client's file name reduced to a base name: no path, no control or format characters, bounded. */
export function safeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["*:<>?|]/g, '_')
    .replace(/^[\s.]+/, '')
    .trim();
  const chars = [...name];
  if (chars.length > MAX_FILE_NAME) {
    const ext = extname(name).slice(0, 16);
    name = chars.slice(0, MAX_FILE_NAME - ext.length).join('') + ext;
  }
  return name || 'file';
}

export function safeContentType(raw: string | undefined): string {
  const type = (raw ?? '').trim().toLowerCase();
  return CONTENT_TYPE.test(type) ? type : 'application/octet-stream';
}

/** Counts and hashes the bytes flowing to storage; fails the stream once they exceed the limit. */
class UploadMeter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(
        new DomainError(
          ErrorCode.PayloadTooLarge,
          `The file exceeds the limit of ${this.maxBytes} bytes.`,
        ),
      );
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

interface Storing {
  done: Promise<Omit<ParsedUpload, 'fingerprint'>>;
  abort(error: Error): void;
}

/** Where an upload's bytes go: storage, or nowhere when only its fingerprint is wanted. */
type UploadSink = (body: Readable) => Promise<void>;

interface ParsedUpload {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** The file (bytes, name, type) and every other field: what makes two uploads the same request. */
  fingerprint: string;
}

const UPLOAD_FINGERPRINT = Symbol('upload-fingerprint');
type Fingerprinted = IncomingMessage & { [UPLOAD_FINGERPRINT]?: string };

/** The fingerprint of the upload this request carried, once it has been read through. */
export function uploadFingerprintOf(req: IncomingMessage): string | undefined {
  return (req as Fingerprinted)[UPLOAD_FINGERPRINT];
}

/**
 * Reads a multipart request through without storing it, for the Idempotency-Key check of a repeated
 * upload: nothing is written whether it turns out to be a replay or a mismatch.
 */
export async function fingerprintUpload(req: IncomingMessage, maxBytes: number): Promise<string> {
  const drain: UploadSink = (body) =>
    pipeline(body, new Writable({ write: (_chunk, _encoding, done) => done() }));
  return (await readUpload(req, maxBytes, drain, async () => undefined)).fingerprint;
}

/**
 * Streams the single `file` field of a multipart request to `sink` (never buffering the whole
 * file), computing its size and sha256 on the way and enforcing `maxBytes`; on any failure
 * `discard` runs after the sink has settled.
 */
function readUpload(
  req: IncomingMessage,
  maxBytes: number,
  sink: UploadSink,
  discard: () => Promise<void>,
): Promise<ParsedUpload> {
  const parser = parserFor(req);
  const fields: [string, string][] = [];
  return new Promise<ParsedUpload>((resolve, reject) => {
    let storing: Storing | undefined;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      storing?.abort(error);
      void (storing?.done ?? Promise.resolve())
        .catch(() => undefined)
        .then(discard)
        .then(() => reject(error));
    };
    parser.on('field', (name, value) => fields.push([name, value]));
    parser.on('file', (name, stream, info) => {
      if (name !== UPLOAD_FIELD || storing || settled) {
        stream.resume();
        return;
      }
      storing = store(stream, info, maxBytes, sink);
      storing.done.catch(fail);
    });
    parser.on('error', (error: Error) => fail(malformed(error)));
    parser.on('finish', () => {
      if (!storing) return fail(missingFile());
      storing.done.then((file) => {
        if (settled) return;
        settled = true;
        resolve({ ...file, fingerprint: fingerprint(file, fields) });
      }, fail);
    });
    req.on('close', () => {
      if (!req.complete) fail(new DomainError(ErrorCode.BadRequest, 'The upload was aborted.'));
    });
    req.pipe(parser);
  });
}

function fingerprint(file: Omit<ParsedUpload, 'fingerprint'>, fields: [string, string][]): string {
  const sorted = [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const { fileName, contentType, size, sha256 } = file;
  return createHash('sha256')
    .update(JSON.stringify({ file: { fileName, contentType, size, sha256 }, fields: sorted }))
    .digest('base64url');
}

function parserFor(req: IncomingMessage): busboy.Busboy {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'multipart/form-data') {
    throw new DomainError(
      ErrorCode.UnsupportedMediaType,
      `Expected multipart/form-data with a '${UPLOAD_FIELD}' field, got '${type || 'none'}'.`,
    );
  }
  try {
    return busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { fields: 50, fieldSize: 64 * 1024, parts: 100, headerPairs: 100 },
    });
  } catch (error) {
    throw new DomainError(ErrorCode.BadRequest, `Malformed multipart request: ${String(error)}`);
  }
}

function store(
  source: Readable,
  info: busboy.FileInfo,
  maxBytes: number,
  sink: UploadSink,
): Storing {
  const meter = new UploadMeter(maxBytes);
  // The meter's own failure (too large, malformed part) is the one to report, and it may
  // happen before the sink has attached its listeners; the sink's failures are the sink's.
  let failure: Error | undefined;
  meter.on('error', (error) => {
    if (error instanceof DomainError) failure ??= error;
  });
  source.on('error', (error) => meter.destroy(malformed(error)));
  source.pipe(meter);
  const done = sink(meter).then(
    () => {
      if (failure) throw failure;
      return {
        fileName: safeFileName(info.filename),
        contentType: safeContentType(info.mimeType),
        size: meter.size,
        sha256: meter.digest(),
      };
    },
    (error: unknown) => {
      throw failure ?? error;
    },
  );
  return { done, abort: (error) => meter.destroy(error) };
}

/** Stores uploads through the FileStorage port under keys the service mints. */
@Injectable()
export class MultipartUpload {
  private readonly logger = new Logger(MultipartUpload.name);

  constructor(
    private readonly storage: FileStorage,
    @Inject(storageConfig.KEY) private readonly config: StorageConfig,
  ) {}

  /**
   * Stores the upload under a fresh key in `namespace`, then runs `record` (the metadata write).
   * If `record` fails, the stored file is deleted: a failed upload leaves neither row nor file.
   */
  async receiveAndRecord<T>(
    req: IncomingMessage,
    namespace: string,
    record: (file: ReceivedFile) => Promise<T>,
  ): Promise<T> {
    const file = await this.receive(req, namespace);
    try {
      return await record(file);
    } catch (error) {
      await this.discard(file.key);
      throw error;
    }
  }

  /** Stores the upload under `<namespace>/<uuid>`; on any failure nothing is left stored. */
  async receive(req: IncomingMessage, namespace: string): Promise<ReceivedFile> {
    const key = `${namespace}/${randomUUID()}`;
    const { fingerprint, ...file } = await readUpload(
      req,
      this.config.maxUploadBytes,
      (body) => this.storage.put(key, body),
      () => this.discard(key),
    );
    (req as Fingerprinted)[UPLOAD_FINGERPRINT] = fingerprint;
    return { key, ...file };
  }

  private async discard(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.error({ err: error, key }, 'could not delete a stored upload');
    }
  }
}

function malformed(error: Error): DomainError {
  return new DomainError(ErrorCode.BadRequest, `Malformed multipart body: ${error.message}`);
}

function missingFile(): DomainError {
  return new DomainError(
    ErrorCode.ValidationFailed,
    `The multipart field '${UPLOAD_FIELD}' is required.`,
    [{ field: UPLOAD_FIELD, message: `${UPLOAD_FIELD} is required` }],
  );
}

/** Documents a multipart route taking one `file` field. */
export function ApiFileUpload() {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: [UPLOAD_FIELD],
        properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary' } },
      },
    }),
  );
}
