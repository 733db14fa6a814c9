import { Client } from 'pg';
import { DbProxy, startDbProxy } from '../support/db-proxy';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';
import { POSTGRES_URL, scratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { registerEngineGuard, report, sleep, waitFor } from './support/service-process';

/** In-flight requests must be answered this soon after the connection drops (the pool's connect timeout is 5 s). */
const ANSWER_BOUND_MS = 6000;
const PATCHES = 8;
const POSTS = 4;

interface Timed {
  status: number;
  code?: string;
  ms: number;
}

/**
 * The database connection dropped mid-request: the app reaches PostgreSQL through a TCP proxy
 * that the test cuts while requests are blocked inside their transactions (on row and unique-key
 * locks a direct connection holds), then restores. PostgreSQL only: on PGlite the shared
 * single-session database would see other test files' transactions stall behind the held locks.
 */
registerEngineGuard('Faults: the database connection dropped');

if (POSTGRES_URL) {
  describe('Faults: the database connection dropped mid-request (e2e, PostgreSQL)', () => {
    let t: TestApp;
    let proxy: DbProxy;
    let direct: Client;

    beforeAll(async () => {
      proxy = await startDbProxy();
      t = await createTestApp({ DATABASE_URL: proxy.url, DATABASE_POOL_SIZE: '20' });
      direct = new Client({ connectionString: POSTGRES_URL });
      await direct.connect();
    });
    afterAll(async () => {
      await direct?.query('ROLLBACK').catch(() => undefined);
      await direct?.end();
      await proxy?.restore();
      await t?.close();
      await proxy?.close();
    });

    /** Lock waits of this database's backends on the tenant's priorities (the blocked requests). */
    const blocked = async () => {
      // `direct` is inside its transaction, whose view of pg_stat_activity is cached until cleared.
      await direct.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await direct.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query ILIKE '%priorities%' AND pid <> pg_backend_pid()`,
      );
      return rows[0].n;
    };

    it('answers in-flight requests 503 CASE5030, writes nothing, and recovers without a restart', async () => {
      const tenant = newTenant();
      const admin = bearer({ tenant });
      const created = await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .send({ name: 'Original', code: 'ORIG', level: 1 })
        .expect(201);
      const id = created.body.data.id as string;

      // A direct connection (not through the proxy) holds the row and a pending code.
      await direct.query('BEGIN');
      await direct.query('SELECT 1 FROM priorities WHERE id = $1 FOR UPDATE', [id]);
      await direct.query(
        `INSERT INTO priorities (client_id, name, code, level, created_by, created_at, updated_at)
         VALUES ($1, 'Held', 'HELD', 2, 'test', now(), now())`,
        [tenant],
      );

      let cutAt = 0;
      const timed = async (req: PromiseLike<{ status: number; body: { code?: string } }>) => {
        const res = await req;
        return { status: res.status, code: res.body.code, ms: Date.now() - cutAt } as Timed;
      };
      const patches = Array.from({ length: PATCHES }, (_, i) =>
        timed(
          t.http
            .patch(`/api/v1/priorities/${id}`)
            .set(admin)
            .send({ name: `Cut ${i}` }),
        ),
      );
      const posts = Array.from({ length: POSTS }, (_, i) =>
        timed(
          t.http
            .post('/api/v1/priorities')
            .set(admin)
            .set('Idempotency-Key', `cut-${i}`)
            .send({ name: `Held ${i}`, code: 'HELD', level: 3 + i }),
        ),
      );
      await waitFor(
        'every request to block on a lock',
        async () => (await blocked()) >= PATCHES + POSTS,
        10_000,
        50,
      );

      cutAt = Date.now();
      await proxy.cut();
      const inFlight = await Promise.all([...patches, ...posts]);
      await direct.query('ROLLBACK');

      expect(inFlight.map(({ status, code }) => ({ status, code }))).toEqual(
        inFlight.map(() => ({ status: 503, code: 'CASE5030' })),
      );
      expect(Math.max(...inFlight.map((r) => r.ms))).toBeLessThan(ANSWER_BOUND_MS);

      // While cut: new requests fail fast with the same code, /health says so.
      const start = Date.now();
      const health = await t.http.get('/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({
        status: 'error',
        checks: { database: { status: 'down' } },
      });
      const list = await t.http.get('/api/v1/priorities').set(admin);
      expect({ status: list.status, code: list.body.code }).toEqual({
        status: 503,
        code: 'CASE5030',
      });
      const write = await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .set('Idempotency-Key', 'while-cut')
        .send({ name: 'While cut', code: 'CUT', level: 9 });
      expect({ status: write.status, code: write.body.code }).toEqual({
        status: 503,
        code: 'CASE5030',
      });
      expect(Date.now() - start).toBeLessThan(ANSWER_BOUND_MS);

      // Restored: the same app serves again, and none of the cut requests left a write behind.
      await proxy.restore();
      await waitFor(
        '/health to be 200',
        async () => (await t.http.get('/health')).status === 200,
        10_000,
      );
      const after = await t.http.get(`/api/v1/priorities/${id}`).set(admin).expect(200);
      expect(after.body.data.name).toBe('Original');
      const { rows } = await direct.query(
        `SELECT code FROM priorities WHERE client_id = $1 ORDER BY code`,
        [tenant],
      );
      expect(rows).toEqual([{ code: 'ORIG' }]);

      await t.http
        .patch(`/api/v1/priorities/${id}`)
        .set(admin)
        .send({ name: 'Renamed' })
        .expect(200);
      const again = await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .set('Idempotency-Key', 'after-restore')
        .send({ name: 'After', code: 'AFTER', level: 4 });
      expect(again.status).toBe(201);
      // The key of a request cut before its claim was written can be used at once.
      const retryWhileCut = await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .set('Idempotency-Key', 'while-cut')
        .send({ name: 'While cut', code: 'CUT', level: 9 });
      expect(retryWhileCut.status).toBe(201);
      // The key of a request cut after its claim stays pending: its release needed the database
      // that was gone, so a retry is "still in progress" until IDEMPOTENCY_LEASE_MS (5 min) passes.
      const retryInFlight = await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .set('Idempotency-Key', 'cut-0')
        .send({ name: 'Held 0', code: 'HELD', level: 3 });
      expect({ status: retryInFlight.status, code: retryInFlight.body.code }).toEqual({
        status: 409,
        code: 'CASE4095',
      });
      report(
        `db drop: ${inFlight.length} in-flight requests answered 503 within ` +
          `${Math.max(...inFlight.map((r) => r.ms))} ms of the cut`,
      );
    });
  });

  describe('Faults: PostgreSQL drops every connection under load (e2e, PostgreSQL)', () => {
    let scratch: ScratchDatabase;
    let t: TestApp;

    beforeAll(async () => {
      // A database of its own, so that terminating all of its sessions hits only this app.
      scratch = await scratchDatabase('proof_drop');
      t = await createTestApp({ DATABASE_URL: scratch.url, DATABASE_POOL_SIZE: '8' });
    }, 60_000);
    afterAll(async () => {
      await t?.close();
      await scratch?.drop();
    });

    /** What a PostgreSQL restart does to its sessions: FATAL 57P01 and a closed socket. */
    const terminateAll = () =>
      scratch.db.query(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      ) as Promise<{ n: number }[]>;

    it('answers 503 CASE5030 or success during the drops, loses no acknowledged write, and recovers', async () => {
      const tenant = newTenant();
      const admin = bearer({ tenant });
      const answers: { status: number; code?: string; ms: number; created?: string }[] = [];
      let stop = false;
      let seq = 0;
      const worker = async () => {
        while (!stop) {
          const code = `L${seq++}`;
          const started = Date.now();
          const post = await t.http
            .post('/api/v1/priorities')
            .set(admin)
            .send({ name: code, code, level: 1 });
          answers.push({
            status: post.status,
            code: post.body.code,
            ms: Date.now() - started,
            created: post.status === 201 ? code : undefined,
          });
          const list = await t.http.get('/api/v1/priorities?limit=5').set(admin);
          answers.push({ status: list.status, code: list.body.code, ms: Date.now() - started });
        }
      };
      const load = Promise.all(Array.from({ length: 8 }, () => worker()));
      let terminated = 0;
      for (let i = 0; i < 3; i++) {
        await sleep(700);
        terminated += (await terminateAll())[0].n;
      }
      await sleep(700);
      stop = true;
      await load;

      const failed = answers.filter((a) => a.status >= 500);
      expect(failed.map(({ status, code }) => ({ status, code }))).toEqual(
        failed.map(() => ({ status: 503, code: 'CASE5030' })),
      );
      expect(answers.every((a) => [200, 201, 503].includes(a.status))).toBe(true);
      expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(ANSWER_BOUND_MS);
      expect(terminated).toBeGreaterThan(0);

      // No restart: the pool replaces the dropped connections.
      for (let i = 0; i < 20; i++) {
        await t.http.get('/api/v1/priorities?limit=5').set(admin).expect(200);
      }
      await t.http
        .post('/api/v1/priorities')
        .set(admin)
        .send({ name: 'After', code: 'AFTER', level: 1 })
        .expect(201);
      const stored = new Set(
        (
          (await scratch.db.query(`SELECT code FROM priorities WHERE client_id = $1`, [
            tenant,
          ])) as { code: string }[]
        ).map((r) => r.code),
      );
      const acknowledged = answers.flatMap((a) => (a.created ? [a.created] : []));
      expect(acknowledged.filter((code) => !stored.has(code))).toEqual([]);
      report(
        `db terminate: ${answers.length} requests, ${failed.length} answered 503, ` +
          `${terminated} sessions terminated, ${stored.size - 1 - acknowledged.length} ` +
          `writes committed without a 201`,
      );
    }, 60_000);
  });
}
