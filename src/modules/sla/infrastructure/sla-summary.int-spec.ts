import { randomUUID } from 'node:crypto';
import { CaseRowBuilder } from '../../../../test/support/builders/case-rows.builder';
import { createTestModule, TestModule } from '../../../../test/support/test-module';
import { newTenant } from '../../../../test/support/test-env';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { backfillSlaSummary } from '../../../shared/database/migrations/1765930000000-sla-lists';
import { refreshSlaSummary } from './sla-summary.sql';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** One instance as a row: what the summary reads, everything else a valid default. */
interface Instance {
  breachAt: number;
  warned?: boolean;
  violated?: boolean;
  met?: boolean;
  paused?: boolean;
  stopped?: boolean;
  closed?: boolean;
}

/**
 * cases.sla_status / sla_due_at from a case's open SLA instances (rows written directly, so the
 * summary is tested without any clock code), and the migration's backfill giving the same.
 */
describe(`SLA summary of a case (integration, ${engine})`, () => {
  let t: TestModule;
  let tx: TransactionManager;
  let rows: CaseRowBuilder;
  const tenant = newTenant();

  beforeAll(async () => {
    t = await createTestModule([]);
    tx = t.get(TransactionManager);
    rows = new CaseRowBuilder(t.dataSource, tenant);
  });
  afterAll(() => t.close());

  async function caseWith(instances: Instance[]): Promise<string> {
    const { id } = await rows.create();
    for (const [i, s] of instances.entries()) {
      const stamp = (on: boolean | undefined, minute: number) => (on ? at(minute) : null);
      await t.dataSource.query(
        `INSERT INTO sla_instances (id, client_id, case_id, sla_definition_id, name, warn_at,
           breach_at, warned_at, violated_at, met_at, paused_at, stopped_at, closed_at, created_at)
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          randomUUID(),
          tenant,
          id,
          `sla${i}`,
          at(s.breachAt - 10),
          at(s.breachAt),
          stamp(s.warned || s.violated, s.breachAt - 10),
          stamp(s.violated, s.breachAt),
          stamp(s.met, 1),
          stamp(s.paused, 2),
          stamp(s.stopped || s.met, 1),
          stamp(s.closed, 3),
          T0,
        ],
      );
    }
    return id;
  }

  const summary = async (id: string) => {
    const [row] = await t.dataSource.query<
      { sla_status: string | null; sla_due_at: Date | null }[]
    >(`SELECT sla_status, sla_due_at FROM cases WHERE id = $1`, [id]);
    return { status: row.sla_status, dueAt: row.sla_due_at?.toISOString() ?? null };
  };

  const refresh = (ids: string[]) => tx.run(() => refreshSlaSummary(tx, ids));

  /** Each case, its instances and the summary they give. */
  const CASES: [string, Instance[], string | null, number | null][] = [
    ['no instance', [], null, null],
    ['one running', [{ breachAt: 60 }], null, 60],
    ['earliest owed breach of several', [{ breachAt: 90 }, { breachAt: 45 }], null, 45],
    ['a paused one still owes its breach', [{ breachAt: 30, paused: true }], null, 30],
    ['warned and running', [{ breachAt: 50, warned: true }, { breachAt: 20 }], 'at-risk', 20],
    ['warned but paused', [{ breachAt: 50, warned: true, paused: true }], 'at-risk', 50],
    ['warned then met', [{ breachAt: 50, warned: true, met: true }, { breachAt: 70 }], null, 70],
    [
      'violated beats warned',
      [
        { breachAt: 10, violated: true },
        { breachAt: 80, warned: true },
      ],
      'breached',
      80,
    ],
    ['violated, nothing else owed', [{ breachAt: 10, violated: true }], 'breached', null],
    [
      'violated then met stays breached',
      [
        { breachAt: 10, violated: true, met: true },
        { breachAt: 40, met: true },
      ],
      'breached',
      null,
    ],
    [
      'every one met',
      [
        { breachAt: 40, met: true },
        { breachAt: 90, met: true },
      ],
      'met',
      null,
    ],
    ['one met, one running', [{ breachAt: 40, met: true }, { breachAt: 90 }], null, 90],
    ['stopped unmet: owes nothing, not met', [{ breachAt: 40, stopped: true }], null, null],
    [
      'closed ones ignored',
      [
        { breachAt: 5, violated: true, closed: true },
        { breachAt: 15, closed: true },
        { breachAt: 100, met: true },
      ],
      'met',
      null,
    ],
    ['only closed ones', [{ breachAt: 5, violated: true, closed: true }], null, null],
  ];

  it.each(CASES)('%s', async (_name, instances, status, dueAt) => {
    const id = await caseWith(instances);
    await refresh([id]);
    expect(await summary(id)).toEqual({
      status,
      dueAt: dueAt === null ? null : at(dueAt).toISOString(),
    });
  });

  it('refreshes several cases in one statement and clears a summary that no longer holds', async () => {
    const breached = await caseWith([{ breachAt: 10, violated: true }]);
    const running = await caseWith([{ breachAt: 25 }]);
    await refresh([breached, running, breached]);
    expect(await summary(breached)).toEqual({ status: 'breached', dueAt: null });
    expect(await summary(running)).toEqual({ status: null, dueAt: at(25).toISOString() });
    await t.dataSource.query(`UPDATE sla_instances SET closed_at = $2 WHERE case_id = $1`, [
      breached,
      T0,
    ]);
    await refresh([breached]);
    expect(await summary(breached)).toEqual({ status: null, dueAt: null });
  });

  it('touches nothing but the two summary columns, and only when they change', async () => {
    const id = await caseWith([{ breachAt: 60, warned: true }]);
    const before = await t.dataSource.query(
      `SELECT version, updated_at, xmin::text FROM cases WHERE id = $1`,
      [id],
    );
    await refresh([id]);
    const once = await t.dataSource.query(
      `SELECT version, updated_at, xmin::text FROM cases WHERE id = $1`,
      [id],
    );
    expect(once[0]).toMatchObject({ version: before[0].version, updated_at: before[0].updated_at });
    await refresh([id]);
    const twice = await t.dataSource.query(
      `SELECT version, updated_at, xmin::text FROM cases WHERE id = $1`,
      [id],
    );
    expect(twice[0].xmin).toBe(once[0].xmin);
  });

  it('the migration backfill gives every case the summary refreshSlaSummary gives', async () => {
    const ids: string[] = [];
    for (const [, instances] of CASES) ids.push(await caseWith(instances));
    await refresh(ids);
    const refreshed = await Promise.all(ids.map(summary));
    await t.dataSource.query(
      `UPDATE cases SET sla_status = NULL, sla_due_at = NULL WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await backfillSlaSummary(t.dataSource, tenant);
    expect(await Promise.all(ids.map(summary))).toEqual(refreshed);
  });
});
