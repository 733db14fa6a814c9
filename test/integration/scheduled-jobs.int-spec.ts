import { SchedulerRegistry } from '@nestjs/schedule';
import { Client } from 'pg';
import { validateEnv } from '../../src/config/env.validation';
import { AutoCloseModule } from '../../src/modules/auto-close';
import { EnqueueAutoClose } from '../../src/modules/auto-close/enqueue-auto-close/enqueue-auto-close';
import { SlaModule } from '../../src/modules/sla';
import { DueDateCheck } from '../../src/modules/sla/checks/due-date-check/due-date-check';
import { DueDateCheckJob } from '../../src/modules/sla/checks/due-date-check/due-date-check.job';
import { SlaCheck } from '../../src/modules/sla/checks/sla-check/sla-check';
import { SLA_CHECK_JOB, SlaCheckJob } from '../../src/modules/sla/checks/sla-check/sla-check.job';
import { lockKey } from '../../src/shared/scheduling/advisory-lock';
import { QueueModule } from '../../src/shared/queue/queue.module';
import { StorageModule } from '../../src/shared/storage/storage.module';
import { NotificationsModule } from '../../src/shared/notifications/notifications.module';
import { DirectoryModule } from '../../src/modules/directory';
import { JobSettingsStore } from '../../src/shared/scheduling/job-settings';
import { seedSlaCases } from '../proof/support/job-effects';
import { PrivateDatabase, privateDatabase } from '../support/scratch-database';
import { newTenant } from '../support/test-env';
import { createTestModule, TestModule } from '../support/test-module';

/** The jobs' modules and what they need, without HTTP. */
const JOB_MODULES = [
  QueueModule,
  StorageModule,
  NotificationsModule,
  DirectoryModule,
  SlaModule,
  AutoCloseModule,
];

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
/** Never fires during a test run: the jobs are registered, and triggered by hand. */
const NEVER = '0 0 1 1 *';
const TYPE_IDS = ['0b9e8f5c-3a4d-4c2b-9e1f-7a6b5c4d3e2f', '1b9e8f5c-3a4d-4c2b-9e1f-7a6b5c4d3e2f'];
const SUMMARY = { checked: 3, warned: 2, violated: 1, escalated: 0, errors: 0, stopped: false };

/**
 * The built-in jobs: registered only when JOBS_ENABLED, each running the check for every tenant
 * under its advisory lock. They run on a database of their own: every tenant's run is logged in
 * `job_runs` and old runs are pruned, which on the shared test database would add runs to, and
 * prune runs from, other test files' tenants. The checks themselves are stubbed.
 */
describe(`scheduled jobs (integration, ${engine})`, () => {
  describe('with JOBS_ENABLED=true', () => {
    let database: PrivateDatabase;
    let t: TestModule;

    beforeAll(async () => {
      // Migrated by the module's DatabaseModule as it starts.
      database = await privateDatabase('scheduled_jobs');
      t = await createTestModule(JOB_MODULES, {
        queue: { consume: false },
        env: {
          DATABASE_URL: database.url,
          JOBS_ENABLED: 'true',
          SLA_CHECK_CRON: NEVER,
          DUE_DATE_CHECK_CRON: '0 0 2 1 *',
          AUTO_CLOSE_CRON: '0 0 3 1 *',
          DUE_DATE_CASE_TYPE_IDS: TYPE_IDS.join(', '),
          JOBS_CONTINUE_ON_ERROR: 'false',
        },
      });
    });
    afterEach(() => jest.restoreAllMocks());
    afterAll(async () => {
      await t?.close();
      await database?.drop();
    });

    it('registers the three jobs on their configured crons', () => {
      const jobs = t.get(SchedulerRegistry).getCronJobs();
      const crons = Object.fromEntries(
        [...jobs].map(([name, job]) => [name, job.cronTime.source as string]),
      );
      expect(crons).toEqual({
        'sla-check': NEVER,
        'due-date-check': '0 0 2 1 *',
        'auto-close': '0 0 3 1 *',
      });
      expect([...jobs.values()].every((job) => job.isActive)).toBe(true);
    });

    it('a tick runs each job per tenant, with the tenant’s settings over the defaults', async () => {
      // A tenant with an SLA due, an auto-close case type and its own due-date case type; and
      // one whose settings turn the SLA check and auto-close off.
      const [on, off] = [newTenant(), newTenant()];
      for (const tenant of [on, off]) {
        await seedSlaCases(t.dataSource, tenant, 5);
        await t.dataSource.query(
          `UPDATE case_types SET auto_close_hours = 1 WHERE client_id = $1`,
          [tenant],
        );
      }
      t.clock.set(new Date());
      const [{ id: typeId }] = await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM case_types WHERE client_id = $1`,
        [on],
      );
      const settings = t.get(JobSettingsStore);
      await settings.save(on, { dueDateCaseTypeIds: [typeId] }, 'admin');
      await settings.save(off, { enabled: { slaCheck: false, autoClose: false } }, 'admin');

      const sla = jest.spyOn(t.get(SlaCheck), 'run').mockResolvedValue(SUMMARY);
      const dueDates = jest
        .spyOn(t.get(DueDateCheck), 'run')
        .mockResolvedValue({ ...SUMMARY, exceeded: 0 });
      const autoClose = jest.spyOn(t.get(EnqueueAutoClose), 'run').mockResolvedValue({
        enqueued: 4,
      });
      const registry = t.get(SchedulerRegistry);
      for (const name of ['sla-check', 'due-date-check', 'auto-close']) {
        await registry.getCronJob(name).fireOnTick();
      }
      await new Promise((resolve) => setImmediate(resolve));

      const tenantsOf = (spy: jest.SpyInstance) =>
        spy.mock.calls.map(([input]) => (input as { clientId: string }).clientId);
      expect(sla).toHaveBeenCalledWith({ clientId: on, continueOnError: false });
      expect(tenantsOf(sla)).not.toContain(off);
      expect(sla.mock.calls.every(([input]) => input.clientId)).toBe(true);
      expect(dueDates).toHaveBeenCalledWith({
        clientId: on,
        caseTypeIds: [typeId],
        continueOnError: false,
      });
      expect(tenantsOf(dueDates)).not.toContain(off);
      expect(autoClose).toHaveBeenCalledWith({ clientId: on });
      expect(tenantsOf(autoClose)).not.toContain(off);
      const runs = await t.dataSource.query(
        `SELECT client_id, job, trigger, counts, ended_at IS NOT NULL AS ended FROM job_runs
          WHERE client_id = ANY($1) ORDER BY job`,
        [[on, off]],
      );
      expect(runs).toEqual([
        {
          client_id: on,
          job: 'auto-close',
          trigger: 'schedule',
          counts: { enqueued: 4 },
          ended: true,
        },
        expect.objectContaining({ client_id: on, job: 'due-date-check', ended: true }),
        {
          client_id: on,
          job: 'sla-check',
          trigger: 'schedule',
          counts: { checked: 3, warned: 2, violated: 1, escalated: 0 },
          ended: true,
        },
      ]);
    });

    it('sums its tenants’ runs; a failing tenant is an error in its own run, not the job’s end', async () => {
      const job = t.get(SlaCheckJob);
      const check = jest.spyOn(t.get(SlaCheck), 'run').mockResolvedValue(SUMMARY);
      const sum = await job.run();
      const tenants = check.mock.calls.length;
      expect(tenants).toBeGreaterThan(0);
      expect(sum).toEqual({
        ...SUMMARY,
        checked: 3 * tenants,
        warned: 2 * tenants,
        violated: tenants,
      });

      check.mockReset().mockRejectedValue(new Error('database gone'));
      const failed = await job.run();
      expect(failed).toMatchObject({ checked: 0, errors: check.mock.calls.length });
      const [last] = await t.dataSource.query(
        `SELECT ended_at IS NOT NULL AS ended, errors, stopped, failure FROM job_runs
          WHERE client_id = $1 AND job = 'sla-check' ORDER BY started_at DESC, seq DESC LIMIT 1`,
        [check.mock.calls[0][0].clientId],
      );
      expect(last).toEqual({ ended: true, errors: 1, stopped: true, failure: 'database gone' });
      // For real: the configured case types do not exist, so no tenant has any to check.
      expect(await t.get(DueDateCheckJob).run()).toMatchObject({ errors: 0, stopped: false });
    });

    if (process.env.TEST_DATABASE_URL) {
      it('skips a run while another replica holds the job’s advisory lock', async () => {
        const check = jest.spyOn(t.get(SlaCheck), 'run').mockResolvedValue(SUMMARY);
        // Advisory locks belong to a database: the other replica works on the jobs' one.
        const replica = new Client({ connectionString: database.url });
        await replica.connect();
        try {
          const key = [7_310_421, lockKey(SLA_CHECK_JOB)];
          await replica.query('SELECT pg_advisory_lock($1::int, $2::int)', key);
          expect(await t.get(SlaCheckJob).run()).toBeNull();
          expect(check).not.toHaveBeenCalled();

          await replica.query('SELECT pg_advisory_unlock($1::int, $2::int)', key);
          expect(await t.get(SlaCheckJob).run()).not.toBeNull();
          expect(check).toHaveBeenCalled();
        } finally {
          await replica.end();
        }
      });

      it('of two overlapping runs in two replicas, only one checks', async () => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const check = jest.spyOn(t.get(SlaCheck), 'run').mockImplementation(async () => {
          await gate;
          return SUMMARY;
        });
        const job = t.get(SlaCheckJob);
        const first = job.run();
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(check).toHaveBeenCalledTimes(1);
        expect(await job.run()).toBeNull();
        expect(check).toHaveBeenCalledTimes(1);
        release();
        expect(await first).not.toBeNull();
      });
    }
  });

  describe('with JOBS_ENABLED=false', () => {
    it('registers nothing', async () => {
      const t = await createTestModule(JOB_MODULES, { env: { JOBS_ENABLED: 'false' } });
      try {
        expect(t.get(SchedulerRegistry).getCronJobs().size).toBe(0);
      } finally {
        await t.close();
      }
    });
  });

  it('refuses a DUE_DATE_CASE_TYPE_IDS that is not a list of UUIDs', () => {
    expect(() => validateEnv({ DUE_DATE_CASE_TYPE_IDS: 'incidents, 42' })).toThrow(
      /DUE_DATE_CASE_TYPE_IDS/,
    );
    expect(validateEnv({ DUE_DATE_CASE_TYPE_IDS: TYPE_IDS.join(',') })).toMatchObject({
      DUE_DATE_CASE_TYPE_IDS: TYPE_IDS.join(','),
    });
  });
});
