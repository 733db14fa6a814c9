import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileStorage } from './local-file.storage';
import { PART_MAX_AGE_MS, PartSweeper } from './part-sweeper';
import { FileStorage } from './storage.port';

describe('PartSweeper', () => {
  it('removes abandoned parts at start, keeps recent ones, and is inert on other storages', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cms-sweep-'));
    const old = join(root, 'a.1.part');
    const recent = join(root, 'b.2.part');
    writeFileSync(old, 'x');
    writeFileSync(recent, 'x');
    const longAgo = new Date(Date.now() - PART_MAX_AGE_MS - 60_000);
    utimesSync(old, longAgo, longAgo);

    const sweeper = new PartSweeper(new LocalFileStorage(root));
    sweeper.onApplicationBootstrap();
    await sweeper.onApplicationShutdown();
    expect([existsSync(old), existsSync(recent)]).toEqual([false, true]);

    const other = new PartSweeper({} as FileStorage);
    expect(await other.sweepOnce()).toBe(0);
  });
});
