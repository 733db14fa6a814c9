import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresHost } from './embedded-postgres-host';

/** The embedded database in its worker thread: opened, reached over its socket, closed, reopened. */
describe('EmbeddedPostgresHost', () => {
  const root = mkdtempSync(join(tmpdir(), 'cms-host-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function query(host: EmbeddedPostgresHost, sql: string): Promise<unknown[]> {
    const { host: socketDir, port, username, database } = host.connection;
    const client = new Client({ host: socketDir, port, user: username, database });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it('keeps what was committed across a stop and a start on the same directory', async () => {
    const dir = join(root, 'kept');
    const first = await EmbeddedPostgresHost.start(dir);
    expect(first.origin).toBe('initdb');
    await query(first, `CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)`);
    await first.stop();
    expect(first.running).toBe(false);

    const second = await EmbeddedPostgresHost.start(dir);
    try {
      expect(second.origin).toBe('existing');
      expect(await query(second, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('hands a prestarted database to the start on its directory, and closes one nobody takes', async () => {
    const early = EmbeddedPostgresHost.prestart(join(root, 'early'));
    const taken = await EmbeddedPostgresHost.start(join(root, 'early'));
    expect(taken).toBe(await early);

    const unwanted = EmbeddedPostgresHost.prestart(join(root, 'unwanted'));
    EmbeddedPostgresHost.discardPrestart();
    const other = await EmbeddedPostgresHost.start(join(root, 'early-2'));
    expect(other).not.toBe(await unwanted);
    await waitUntil(async () => !(await unwanted).running);
    expect(taken.running && other.running).toBe(true);
    await Promise.all([taken.stop(), other.stop()]);
  }, 120_000);

  it('refuses a data directory it cannot open, with the reason', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a directory');
    await expect(EmbeddedPostgresHost.start(file)).rejects.toThrow(
      /EEXIST|ENOTDIR|not a directory/i,
    );
  });
});

async function waitUntil(probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
