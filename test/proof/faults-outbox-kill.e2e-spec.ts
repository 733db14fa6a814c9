import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { newTenant } from '../support/test-env';
import { POSTGRES_URL, scratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import {
  ensureBuilt,
  registerEngineGuard,
  report,
  sizeFromEnv,
  waitFor,
} from './support/service-process';

/** PROOF_OUTBOX_AGGREGATES × PROOF_OUTBOX_EVENTS events for full-size runs. */
const AGGREGATES = sizeFromEnv('PROOF_OUTBOX_AGGREGATES', 60);
const EVENTS_EACH = sizeFromEnv('PROOF_OUTBOX_EVENTS', 25);
const TOTAL = AGGREGATES * EVENTS_EACH;

/** Quick polls, and claims that come back 2 s after the crash. */
const RELAY_ENV = {
  OUTBOX_POLL_INTERVAL_MS: '50',
  OUTBOX_BATCH_SIZE: '50',
  OUTBOX_LEASE_SECONDS: '2',
  OUTBOX_RETRY_BASE_MS: '100',
};

/** The built relay with an idempotent recording subscriber, as a child process. */
class RelayProcess {
  private readonly output: string[] = [];
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => this.output.push(chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('exit', () => process.removeListener('exit', orphan));
  }

  /** `hangAfterEffects`: the worker's handler stops for good after that many effects. */
  static async start(databaseUrl: string, hangAfterEffects = 0): Promise<RelayProcess> {
    const child = spawn(process.execPath, [join(__dirname, 'support', 'outbox-relay-worker.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        JWT_SECRET: 'outbox-relay-worker-secret-of-32-bytes-at-least',
        ...RELAY_ENV,
        HANG_AFTER_EFFECTS: String(hangAfterEffects),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const relay = new RelayProcess(child);
    await waitFor('the relay worker to start', async () => relay.ready(), 60_000);
    return relay;
  }

  private ready(): boolean {
    if (this.child.exitCode !== null) throw new Error(`worker exited:\n${this.output.join('')}`);
    return this.output.join('').includes('ready');
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

async function count(db: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await db.query(sql, params)) as { n: number }[];
  return row.n;
}

/** `AGGREGATES` aggregates of `tenant` with `EVENTS_EACH` events each, numbered 1..n. */
async function seedEvents(db: DataSource, tenant: string): Promise<void> {
  const aggregates = Array.from({ length: AGGREGATES }, () => randomUUID());
  await db.query(
    `INSERT INTO outbox (client_id, type, aggregate_id, payload, occurred_at, seq)
     SELECT $1, 'proof.happened', a, jsonb_build_object('n', s), now(), s
       FROM unnest($2::text[]) AS a, generate_series(1, $3) AS s`,
    [tenant, aggregates, EVENTS_EACH],
  );
  await db.query(
    `INSERT INTO outbox_sequences (client_id, aggregate_id, last_seq)
     SELECT $1, a, $3 FROM unnest($2::text[]) AS a`,
    [tenant, aggregates, EVENTS_EACH],
  );
}

/**
 * A relay process SIGKILLed in the middle of a batch, then restarted: every event reaches the
 * subscriber (at least once), its idempotent effect happens exactly once, and each aggregate's
 * effects happen in sequence order. Needs real processes and PostgreSQL.
 */
registerEngineGuard('Faults: the outbox relay killed mid-batch');

if (POSTGRES_URL) {
  describe('Faults: outbox relay SIGKILLed mid-batch, then restarted (e2e, PostgreSQL)', () => {
    let scratch: ScratchDatabase;
    const relays: RelayProcess[] = [];

    beforeAll(async () => {
      await ensureBuilt();
      scratch = await scratchDatabase('proof_outbox_kill');
      await scratch.db.query(`
        CREATE TABLE relay_proof_effects (
          n bigint GENERATED ALWAYS AS IDENTITY,
          event_id uuid PRIMARY KEY,
          aggregate_id text NOT NULL,
          seq bigint NOT NULL,
          deliveries integer NOT NULL DEFAULT 1
        )`);
    }, 300_000);
    afterAll(async () => {
      await Promise.all(relays.map((r) => r.kill()));
      await scratch?.drop();
    });

    it('loses no event and applies each effect once, in order', async () => {
      const tenant = newTenant();
      await seedEvents(scratch.db, tenant);
      const effects = () => count(scratch.db, `SELECT count(*)::int AS n FROM relay_proof_effects`);

      // The first relay stops inside a batch after a fifth of the events: killed there, not
      // between two batches, however the machine schedules the kill.
      const partWay = Math.floor(TOTAL / 5);
      const first = await RelayProcess.start(scratch.url, partWay);
      relays.push(first);
      await waitFor(
        'the relay to be part-way',
        async () => (await effects()) >= partWay,
        60_000,
        5,
      );
      await first.kill();
      const atKill = await effects();
      const inFlight = await count(
        scratch.db,
        `SELECT count(*)::int AS n FROM outbox_deliveries
          WHERE subscriber = 'effects' AND attempts > 0`,
      );
      expect(atKill).toBe(partWay);
      // Killed mid-batch: deliveries it claimed but never acknowledged, held until their lease ends.
      expect(inFlight).toBeGreaterThan(0);

      const second = await RelayProcess.start(scratch.url);
      relays.push(second);
      const unpublished = () =>
        count(scratch.db, `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
      await waitFor(
        'the restarted relay to publish everything',
        async () => (await unpublished()) === 0,
        90_000,
        100,
      );
      await second.kill();

      const [summary] = (await scratch.db.query(
        `SELECT count(*)::int AS events, sum(deliveries)::int AS deliveries,
                count(DISTINCT aggregate_id)::int AS aggregates
           FROM relay_proof_effects`,
      )) as { events: number; deliveries: number; aggregates: number }[];
      expect(summary.events).toBe(TOTAL);
      expect(summary.aggregates).toBe(AGGREGATES);
      expect(summary.deliveries).toBeGreaterThanOrEqual(TOTAL);
      const outOfOrder = await count(
        scratch.db,
        `SELECT count(*)::int AS n FROM (
           SELECT seq, row_number() OVER (PARTITION BY aggregate_id ORDER BY n) AS applied
             FROM relay_proof_effects) e
          WHERE seq <> applied`,
      );
      expect(outOfOrder).toBe(0);
      expect(await count(scratch.db, `SELECT count(*)::int AS n FROM outbox_deliveries`)).toBe(0);
      report(
        `outbox kill: ${TOTAL} events; killed with ${atKill} applied and ${inFlight} claimed; ` +
          `${summary.deliveries - TOTAL} delivered twice, applied once`,
      );
    }, 300_000);
  });
}
