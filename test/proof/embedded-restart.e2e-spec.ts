import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';
import { ensureBuilt, ServiceProcess } from './support/service-process';

/**
 * The embedded default as `npm start` runs it: `node dist/main.js` without DATABASE_URL, PGlite
 * opened in its worker thread while the application loads. What is written survives a graceful
 * restart (SIGTERM closes the database, which checkpoints its directory), on either engine's run:
 * this suite uses no shared test database.
 */
describe('embedded default: a restart keeps the data (node dist/main.js)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cms-embedded-'));
  const tenant = newTenant();
  let service: ServiceProcess | undefined;

  beforeAll(() => ensureBuilt(), 300_000);
  afterAll(async () => {
    await service?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${service!.baseUrl}/api/v1${path}`, {
      ...init,
      headers: { ...bearer({ tenant }), 'Content-Type': 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
  const opened = () => service!.lines('embedded PGlite ready');

  it('opens the template, then the existing directory, with a priority written in between', async () => {
    service = await ServiceProcess.start('embedded-first', undefined, { DATA_DIR: dataDir });
    expect(opened()).toEqual([expect.stringContaining(', template)')]);
    const created = await api('/priorities', {
      method: 'POST',
      body: JSON.stringify({ name: 'Kept', code: 'KEPT', level: 7 }),
    });
    expect(created.status).toBe(201);
    expect(await service.stop()).toBe(0);

    service = await ServiceProcess.start('embedded-restart', undefined, { DATA_DIR: dataDir });
    expect(opened()).toEqual([expect.stringContaining(', existing)')]);
    const listed = (await (await api('/priorities')).json()) as { data: { code: string }[] };
    expect(listed.data.map((p) => p.code)).toContain('KEPT');
    expect(await service.stop()).toBe(0);
  }, 180_000);
});
