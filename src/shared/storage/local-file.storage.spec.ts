import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalFileStorage } from './local-file.storage';
import { StoredFileNotFoundError } from './storage.errors';

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
});
