import { createHash, randomBytes } from 'node:crypto';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { LocalS3, S3RVER_CREDENTIALS, startLocalS3 } from '../../../test/support/local-s3';
import { S3FileStorage } from './s3-file.storage';
import { StoredFileNotFoundError } from './storage.errors';

/** Chunks of `total` bytes, streamed as a client upload would arrive. */
function chunked(content: Buffer, size = 64 * 1024): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < content.length; i += size) parts.push(content.subarray(i, i + size));
  return Readable.from(parts);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('S3FileStorage against s3rver (integration)', () => {
  let s3: LocalS3;
  let storage: S3FileStorage;

  beforeAll(async () => {
    s3 = await startLocalS3('cms-test');
    storage = new S3FileStorage({
      bucket: s3.bucket,
      region: 'us-east-1',
      endpoint: s3.endpoint,
      credentials: S3RVER_CREDENTIALS,
    });
  });
  afterAll(async () => {
    storage.onModuleDestroy();
    await s3.close();
  });

  it('stores a small stream and reads it back byte-exact, then deletes it', async () => {
    const content = randomBytes(150_000);
    await storage.put('case-documents/small-1', chunked(content));
    expect(await s3.keys()).toContain('case-documents/small-1');
    const got = await buffer(await storage.get('case-documents/small-1'));
    expect(sha(got)).toBe(sha(content));
    expect(got.length).toBe(content.length);

    await storage.delete('case-documents/small-1');
    expect(await s3.keys()).not.toContain('case-documents/small-1');
    await expect(storage.delete('case-documents/small-1')).resolves.toBeUndefined();
  });

  it('streams a file larger than one part as a multipart upload, byte-exact', async () => {
    const content = randomBytes(11 * 1024 * 1024 + 123);
    await storage.put('case-documents/large-1', chunked(content, 256 * 1024));
    const got = await buffer(await storage.get('case-documents/large-1'));
    expect(got.length).toBe(content.length);
    expect(sha(got)).toBe(sha(content));
    await storage.delete('case-documents/large-1');
  });

  it('uploads a counting stream whose `size` grows as it flows (like the upload meter)', async () => {
    const content = randomBytes(6 * 1024 * 1024 + 5);
    class Counting extends Transform {
      size = 0;
      override _transform(chunk: Buffer, _e: BufferEncoding, done: TransformCallback) {
        this.size += chunk.length;
        done(null, chunk);
      }
    }
    const counting = new Counting();
    chunked(content).pipe(counting);
    await storage.put('case-documents/counted-1', counting);
    const got = await buffer(await storage.get('case-documents/counted-1'));
    expect(sha(got)).toBe(sha(content));
    await storage.delete('case-documents/counted-1');
  });

  it('answers a missing key with StoredFileNotFoundError', async () => {
    await expect(storage.get('case-documents/never-stored')).rejects.toBeInstanceOf(
      StoredFileNotFoundError,
    );
  });

  it('leaves no object when the stream fails midway, small or multipart', async () => {
    for (const [key, before] of [
      ['case-documents/broken-small', 1024],
      ['case-documents/broken-large', 7 * 1024 * 1024],
    ] as const) {
      let sent = 0;
      const failing = new Readable({
        read() {
          if (sent >= before) {
            this.destroy(new Error('client went away'));
            return;
          }
          sent += 256 * 1024;
          this.push(randomBytes(Math.min(256 * 1024, before)));
        },
      });
      await expect(storage.put(key, failing)).rejects.toThrow('client went away');
      expect(await s3.keys()).not.toContain(key);
      await expect(storage.get(key)).rejects.toBeInstanceOf(StoredFileNotFoundError);
    }
  });

  it('fails a write to a bucket that does not exist, storing nothing', async () => {
    const nowhere = new S3FileStorage({
      bucket: 'no-such-bucket',
      region: 'us-east-1',
      endpoint: s3.endpoint,
      credentials: S3RVER_CREDENTIALS,
    });
    try {
      await expect(nowhere.put('case-documents/x', chunked(Buffer.from('x')))).rejects.toThrow();
    } finally {
      nowhere.onModuleDestroy();
    }
  });
});
