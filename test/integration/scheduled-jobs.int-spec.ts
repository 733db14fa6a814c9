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
const SUMMARY = { checked: 3, warned: 2, violated: 1, errors: 0, stopped: false };

/**
 * The built-in jobs: registered only when JOBS_ENABLED, each running the check for every tenant
 * under its advisory lock. The checks themselves are stubbed here: run for real, an all-tenant
 * check would mark other test files' cases on the shared database.
 */
describe(`scheduled jobs (integration, ${engine})`, () => {
  describe('with JOBS_ENABLED=true', () => {
    let t: TestModule;

    beforeAll(async () => {
      t = await createTestModule(JOB_MODULES, {
        queue: { consume: false },
        env: {
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
    afterAll(() => t?.close());

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

    it('a tick runs the check for every tenant with the configured continueOnError', async () => {
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

      expect(sla).toHaveBeenCalledWith({ continueOnError: false });
      expect(dueDates).toHaveBeenCalledWith({ caseTypeIds: TYPE_IDS, continueOnError: false });
      expect(autoClose).toHaveBeenCalledWith();
      expect(sla.mock.calls[0][0]).not.toHaveProperty('clientId');
    });

    it('returns the summary of a run, and null for a run that failed', async () => {
      const job = t.get(SlaCheckJob);
      jest.spyOn(t.get(SlaCheck), 'run').mockResolvedValueOnce(SUMMARY);
      expect(await job.run()).toEqual(SUMMARY);
      jest.spyOn(t.get(SlaCheck), 'run').mockRejectedValueOnce(new Error('database gone'));
      expect(await job.run()).toBeNull();
      // For real: the configured case types do not exist, so every tenant has nothing due.
      expect(await t.get(DueDateCheckJob).run()).toEqual({
        checked: 0,
        warned: 0,
        exceeded: 0,
        errors: 0,
        stopped: false,
      });
    });

    if (process.env.TEST_DATABASE_URL) {
      it('skips a run while another replica holds the job’s advisory lock', async () => {
        const check = jest.spyOn(t.get(SlaCheck), 'run').mockResolvedValue(SUMMARY);
        const replica = new Client({ connectionString: process.env.TEST_DATABASE_URL });
        await replica.connect();
        try {
          const key = [7_310_421, lockKey(SLA_CHECK_JOB)];
          await replica.query('SELECT pg_advisory_lock($1::int, $2::int)', key);
          expect(await t.get(SlaCheckJob).run()).toBeNull();
          expect(check).not.toHaveBeenCalled();

          await replica.query('SELECT pg_advisory_unlock($1::int, $2::int)', key);
          expect(await t.get(SlaCheckJob).run()).toEqual(SUMMARY);
          expect(check).toHaveBeenCalledTimes(1);
        } finally {
          await replica.end();
        }
      });

      it('of two overlapping runs in two replicas, only one checks', async () => {
        let release!: () => void;
        const check = jest
          .spyOn(t.get(SlaCheck), 'run')
          .mockImplementation(() => new Promise((resolve) => (release = () => resolve(SUMMARY))));
        const job = t.get(SlaCheckJob);
        const first = job.run();
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(await job.run()).toBeNull();
        release();
        expect(await first).toEqual(SUMMARY);
        expect(check).toHaveBeenCalledTimes(1);
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
