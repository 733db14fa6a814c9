import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStorage } from './storage.port';
import { storageFault, StoredFileNotFoundError } from './storage.errors';

/** Segments of letters, digits, `_` and `-`: no dots, so no `..` and no clash with temp files. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*)*$/;

const PART = '.part';

/**
 * Files under a local directory; a file appears under its key only once completely written (a
 * `.part` file beside it until then). A full disk or an unusable directory is a coded 507/503.
 */
export class LocalFileStorage extends FileStorage {
  /** The `.part` files of uploads in progress in this process, which a sweep never removes. */
  private readonly writing = new Set<string>();

  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, stream: Readable): Promise<void> {
    const target = this.pathOf(key);
    const temp = `${target}.${randomUUID()}${PART}`;
    this.writing.add(temp);
    try {
      await mkdir(dirname(target), { recursive: true });
      await pipeline(stream, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw storageFault(error);
    } finally {
      this.writing.delete(temp);
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileNotFoundError();
      throw storageFault(error);
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true }).catch((error: unknown) => {
      throw storageFault(error);
    });
  }

  /**
   * Removes the `.part` files a crash left behind: those not written to since `before` and not
   * being written by this process (an upload in progress keeps touching its part).
   */
  async sweepParts(before: Date): Promise<number> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      },
    );
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith(PART)) continue;
      const path = join(entry.parentPath, entry.name);
      if (this.writing.has(path)) continue;
      const stats = await stat(path).catch(() => undefined);
      if (!stats || stats.mtime >= before) continue;
      await rm(path, { force: true });
      removed++;
    }
    return removed;
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Invalid storage key '${key}'`);
    return join(this.root, ...key.split('/'));
  }
}
