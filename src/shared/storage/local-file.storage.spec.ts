import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalFileStorage } from './local-file.storage';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import {
  StorageFullError,
  storageFault,
  StorageUnavailableError,
  StoredFileNotFoundError,
} from './storage.errors';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('LocalFileStorage', () => {
  let root: string;
  let storage: LocalFileStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cms-storage-'));
    storage = new LocalFileStorage(root);
  });

  it('stores, reads back and deletes a file under its key', async () => {
    await storage.put('docs/abc-1', Readable.from([Buffer.from('hello '), Buffer.from('world')]));
    expect(filesUnder(root)).toEqual([join('docs', 'abc-1')]);
    expect(await text(await storage.get('docs/abc-1'))).toBe('hello world');
    await storage.delete('docs/abc-1');
    expect(filesUnder(root)).toEqual([]);
    await expect(storage.delete('docs/abc-1')).resolves.toBeUndefined();
  });

  it('answers a missing key with StoredFileNotFoundError', async () => {
    await expect(storage.get('docs/missing')).rejects.toBeInstanceOf(StoredFileNotFoundError);
  });

  it('leaves nothing behind when the stream fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('docs/partial', failing)).rejects.toThrow('client went away');
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses keys that could leave the root or clash with temp files', async () => {
    for (const key of ['../escape', 'docs/../../x', '/abs', 'a/.hidden', 'a//b', 'a.part', '']) {
      await expect(storage.put(key, Readable.from(['x']))).rejects.toThrow('Invalid storage key');
    }
    expect(filesUnder(root)).toEqual([]);
  });

  it('a storage directory it cannot create is StorageUnavailableError, and nothing is left', async () => {
    const file = join(root, 'regular-file');
    writeFileSync(file, 'in the way');
    const blocked = new LocalFileStorage(join(file, 'files'));
    await expect(blocked.put('docs/a', Readable.from(['x']))).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    await expect(blocked.get('docs/a')).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(filesUnder(root)).toEqual(['regular-file']);
  });

  it('sweeps the parts untouched since the cutoff, never a file or a part being written', async () => {
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'old.1234.part'), 'left by a crash');
    utimesSync(join(root, 'docs', 'old.1234.part'), hourAgo, hourAgo);
    writeFileSync(join(root, 'docs', 'fresh.5678.part'), 'someone is writing');
    writeFileSync(join(root, 'docs', 'kept'), 'a stored file');
    utimesSync(join(root, 'docs', 'kept'), hourAgo, hourAgo);

    const body = new PassThrough();
    const writing = storage.put('docs/slow', body);
    body.write('first half ');
    await waitFor(() => filesUnder(root).some((f) => f.startsWith(join('docs', 'slow.'))));
    const part = filesUnder(root).find((f) => f.startsWith(join('docs', 'slow.'))) as string;
    utimesSync(join(root, part), hourAgo, hourAgo);

    expect(await storage.sweepParts(new Date(Date.now() - 1000))).toBe(1);
    body.end('second half');
    await writing;
    expect(filesUnder(root).sort()).toEqual(
      [join('docs', 'fresh.5678.part'), join('docs', 'kept'), join('docs', 'slow')].sort(),
    );
    expect(await text(await storage.get('docs/slow'))).toBe('first half second half');
    expect(await new LocalFileStorage(join(root, 'missing')).sweepParts(new Date())).toBe(0);
  });
});

describe('storageFault', () => {
  it.each([
    [{ code: 'ENOSPC' }, StorageFullError],
    [{ code: 'EDQUOT' }, StorageFullError],
    [{ code: 'EROFS' }, StorageUnavailableError],
    [{ code: 'EACCES' }, StorageUnavailableError],
    [{ code: 'ECONNREFUSED' }, StorageUnavailableError],
    [{ name: 'NoSuchBucket' }, StorageUnavailableError],
    [{ name: 'Whatever', $metadata: { httpStatusCode: 503 } }, StorageUnavailableError],
  ])('maps %j', (error, expected) => {
    expect(storageFault(Object.assign(new Error('x'), error))).toBeInstanceOf(expected);
  });

  it('leaves coded and unknown errors alone', () => {
    const coded = new DomainError(ErrorCode.PayloadTooLarge);
    expect(storageFault(coded)).toBe(coded);
    const bug = new TypeError('bug');
    expect(storageFault(bug)).toBe(bug);
  });
});

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error('timed out');
}
