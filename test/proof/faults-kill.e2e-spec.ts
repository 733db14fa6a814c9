import { newTenant } from '../support/test-env';
import { POSTGRES_URL, scratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import {
  autoCloseEffects,
  completedCount,
  RECIPIENTS_PER_MARK,
  seedResolvedCases,
  seedSlaCases,
  slaEffects,
  undelivered,
  slaMarksWritten,
} from './support/job-effects';
import { escalationEffects } from './support/escalation-effects';
import {
  ensureBuilt,
  registerEngineGuard,
  report,
  ServiceProcess,
  sizeFromEnv,
  sleep,
  waitFor,
} from './support/service-process';

/** PROOF_SLA_CASES / PROOF_AUTO_CLOSE_CASES for full-size runs. */
/**
 * 1 000 cases with escalation ladders: each case brings about five relayed notices and events,
 * and the relay delivers them one by one (see the batched-notifications note in issue 14); at
 * 6 000 the drain alone outlasts any sane budget on a loaded machine.
 */
const SLA_CASES = sizeFromEnv('PROOF_SLA_CASES', 1000);
const AUTO_CLOSE_CASES = sizeFromEnv('PROOF_AUTO_CLOSE_CASES', 1500);
const EVERY_2_SECONDS = '*/2 * * * * *';
const NEVER = '0 0 1 1 *';
/**
 * How long the restarted service may take: a minute, plus time for full-size runs (each case
 * has about two events of escalation rungs besides its marks, and some an assigning edit; the
 * relay then delivers some 14 000 notification and feed deliveries for 6 000 cases, measured at
 * 30–50 per second on a loaded 2-core machine).
 */
const SLA_BUDGET_MS = 60_000 + SLA_CASES * 30;
const AUTO_CLOSE_BUDGET_MS = 60_000 + AUTO_CLOSE_CASES * 10;

/** Jobs on fast crons, a quick queue, and claims that reappear 2 s after a crash. */
const JOB_ENV = {
  JOBS_ENABLED: 'true',
  SLA_CHECK_CRON: EVERY_2_SECONDS,
  AUTO_CLOSE_CRON: EVERY_2_SECONDS,
  DUE_DATE_CHECK_CRON: NEVER,
  QUEUE_POLL_INTERVAL_MS: '50',
  QUEUE_VISIBILITY_TIMEOUT_SECONDS: '2',
  QUEUE_RETRY_BASE_SECONDS: '1',
};

/**
 * The built service (`node dist/main.js`) SIGKILLed in the middle of an SLA check and in the middle
 * of the auto-close consumption, then restarted: every mark and every completion happens exactly
 * once and no queue message is lost. The service runs every job for every tenant, so it gets a
 * fresh database of its own. Needs real processes and PostgreSQL; on PGlite only the reason is
 * registered.
 */
registerEngineGuard('Faults: the process killed mid-job');

if (POSTGRES_URL) {
  describe('Faults: SIGKILL mid-job, then restart (e2e, PostgreSQL)', () => {
    let scratch: ScratchDatabase;
    const services: ServiceProcess[] = [];
    const start = async (name: string) => {
      const service = await ServiceProcess.start(name, scratch.url, JOB_ENV);
      services.push(service);
      return service;
    };

    beforeAll(async () => {
      await ensureBuilt();
      scratch = await scratchDatabase('proof_kill');
    }, 300_000);
    afterAll(async () => {
      await Promise.all(services.map((s) => s.kill()));
      await scratch?.drop();
    });

    it(
      'marks every due SLA exactly once when killed in the middle of an SLA check',
      async () => {
        const tenant = newTenant();
        const { warnDue, breachDue, rungsDue, assignDue } = await seedSlaCases(
          scratch.db,
          tenant,
          SLA_CASES,
        );

        const first = await start('sla-1');
        let atKill = 0;
        await waitFor(
          'the first SLA check to be part-way',
          async () => {
            atKill = await slaMarksWritten(scratch.db, tenant);
            return atKill > 0;
          },
          30_000,
          5,
        );
        await first.kill();
        const afterKill = await slaMarksWritten(scratch.db, tenant);
        // Killed in the middle: some batches committed, not all.
        expect(afterKill).toBeGreaterThan(0);
        expect(afterKill).toBeLessThan(warnDue);

        const second = await start('sla-2');
        await waitFor(
          'the restarted service to finish the marks and its relay to deliver them',
          async () =>
            (await slaEffects(scratch.db, tenant)).missing === 0 &&
            (await escalationEffects(scratch.db, tenant)).missing === 0 &&
            (await undelivered(scratch.db, tenant)) === 0,
          SLA_BUDGET_MS,
          250,
        );
        // Two more ticks of the check, which must find nothing left to mark.
        await sleep(4500);
        await second.kill();

        const effects = await slaEffects(scratch.db, tenant);
        expect(effects).toEqual({
          warned: warnDue,
          violated: breachDue,
          missing: 0,
          early: 0,
          stamps: expect.any(Number),
          badActivity: 0,
          activities: warnDue + breachDue,
          badNotifications: 0,
          notifications: (warnDue + breachDue) * RECIPIENTS_PER_MARK,
          badWarnedLists: 0,
          events: warnDue + breachDue,
        });
        // Each due rung fired once: one event, one activity entry, one notice, one assignment.
        expect(await escalationEffects(scratch.db, tenant)).toEqual({
          fired: rungsDue,
          missing: 0,
          early: 0,
          badEvents: 0,
          badActivity: 0,
          badNotifications: 0,
          notifications: rungsDue - assignDue,
          badAssignments: 0,
        });
        // The killed run's batches and the restarted run's carry different stamps.
        expect(effects.stamps).toBeGreaterThanOrEqual(2);
        report(
          `SLA kill: ${SLA_CASES} cases, ${warnDue} warned / ${breachDue} violated; ` +
            `killed with ${afterKill} marked; ${effects.stamps} runs stamped marks`,
        );
      },
      60_000 + 2 * SLA_BUDGET_MS,
    );

    it(
      'completes every eligible case exactly once when killed in the middle of auto-close',
      async () => {
        const tenant = newTenant();
        const { eligible } = await seedResolvedCases(scratch.db, tenant, AUTO_CLOSE_CASES);

        const first = await start('auto-close-1');
        await waitFor(
          'the consumer to be part-way',
          async () => (await completedCount(scratch.db, tenant)) > eligible / 5,
          60_000,
          20,
        );
        await first.kill();
        const [{ queued, inFlight }] = (await scratch.db.query(
          `SELECT count(*)::int AS queued,
                count(*) FILTER (WHERE locked_until > now())::int AS "inFlight"
           FROM queue_messages`,
        )) as { queued: number; inFlight: number }[];
        const completedAtKill = await completedCount(scratch.db, tenant);
        expect(completedAtKill).toBeLessThan(eligible);
        expect(queued).toBeGreaterThan(0);
        // Died mid-batch: messages it had claimed but not acknowledged are hidden until they expire.
        expect(inFlight).toBeGreaterThan(0);

        const second = await start('auto-close-2');
        await waitFor(
          'the restarted service to complete every eligible case',
          async () => {
            const e = await autoCloseEffects(scratch.db, tenant);
            return e.completed === eligible && e.queued === 0;
          },
          AUTO_CLOSE_BUDGET_MS,
          250,
        );
        // Two more ticks of the job, which must queue nothing for completed cases.
        await sleep(4500);
        await second.kill();

        expect(await autoCloseEffects(scratch.db, tenant)).toEqual({
          completed: eligible,
          stillResolved: AUTO_CLOSE_CASES - eligible,
          badVersions: 0,
          badCompletions: 0,
          completions: eligible,
          queued: 0,
          deadLetters: 0,
        });
        report(
          `auto-close kill: ${eligible} eligible; killed with ${completedAtKill} completed, ` +
            `${queued} messages queued of which ${inFlight} claimed by the dead process`,
        );
      },
      60_000 + 2 * AUTO_CLOSE_BUDGET_MS,
    );
  });
}
