import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DefinitionsBuilder } from '../../../../test/support/builders/definitions.builder';
import { userActor } from '../../../../test/support/case-trail';
import {
  createTestModule,
  TEST_START,
  TestModule,
  CASE_PATH_MODULES,
} from '../../../../test/support/test-module';
import { AutoCloseModule } from '../auto-close.module';
import { newTenant } from '../../../../test/support/test-env';
import { PrivateDatabase, privateDatabase } from '../../../../test/support/scratch-database';
import { CaseState } from '../../../shared/domain/case-state';
import { MessageQueue, QueueMessage } from '../../../shared/queue/message-queue';
import { EmbeddedQueueConsumer } from '../../../shared/queue/embedded/embedded-queue.consumer';
import { QueueSettings } from '../../../shared/queue/queue.settings';
import {
  CreateCaseCommand,
  OpenCaseCommand,
  ReopenCaseCommand,
  ResolveCaseCommand,
} from '../../cases';
import { autoCloseMessage } from '../domain/auto-close-message';
import { AutoCloseJob } from '../enqueue-auto-close/auto-close.job';
import { EnqueueAutoClose } from '../enqueue-auto-close/enqueue-auto-close';
import { ListAutoCloseEligibleQuery } from '../queries/list-auto-close-eligible/list-auto-close-eligible.query';

/** Auto-close and the case commands it sends, on the queue, without HTTP. */
const AUTO_CLOSE_MODULES = [...CASE_PATH_MODULES, AutoCloseModule];
const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const HOUR = 3_600_000;
const VISIBILITY_SECONDS = 30;
const at = (hours: number) => new Date(TEST_START.getTime() + hours * HOUR);

/** Auto-close end to end through the embedded queue: job → queue → consumer → Complete command. */
/**
 * On a database of its own: the scheduled job walks every tenant, and logs and prunes a run for
 * each in `job_runs`, which on the shared test database would touch other files' tenants.
 */
describe(`auto-close (integration, ${engine})`, () => {
  let database: PrivateDatabase;
  let t: TestModule;
  let bus: CommandBus;
  let consumer: EmbeddedQueueConsumer;
  let enqueue: EnqueueAutoClose;
  let queueName: string;

  beforeAll(async () => {
    // Migrated by the module's DatabaseModule as it starts.
    database = await privateDatabase('auto_close');
    t = await createTestModule(AUTO_CLOSE_MODULES, {
      env: { DATABASE_URL: database.url, DATABASE_POOL_SIZE: '8' },
      queue: { visibilityTimeoutSeconds: VISIBILITY_SECONDS, maxAttempts: 3 },
    });
    bus = t.get(CommandBus);
    consumer = t.get(EmbeddedQueueConsumer);
    enqueue = t.get(EnqueueAutoClose);
    queueName = t.get(QueueSettings).queueName;
  });
  beforeEach(async () => {
    t.clock.set(TEST_START);
    await t.dataSource.query(`DELETE FROM queue_messages WHERE queue = $1`, [queueName]);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /** A tenant whose case type auto-closes 2 h after resolution, with a case resolved at TEST_START. */
  async function resolvedCase() {
    const tenant = newTenant();
    const admin = userActor(tenant);
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({ autoCloseHours: 2 });
    const id: string = await bus.execute(
      new CreateCaseCommand(admin, { caseTypeId: type.id, details: 'Refund' }),
    );
    await bus.execute(new OpenCaseCommand(admin, { id }));
    await bus.execute(new ResolveCaseCommand(admin, { id }, 'Refunded'));
    return { tenant, admin, id, type: type.id };
  }

  const kase = async (id: string) =>
    (
      (await t.dataSource.query(`SELECT state, resolution_date, version FROM cases WHERE id = $1`, [
        id,
      ])) as { state: CaseState; resolution_date: Date | null; version: number }[]
    )[0];
  const completions = async (id: string) =>
    (await t.dataSource.query(
      `SELECT actor_id FROM case_activities WHERE case_id = $1 AND type = 'case.completed'`,
      [id],
    )) as { actor_id: string }[];
  const queued = async () =>
    (await t.dataSource.query(
      `SELECT message_id, body FROM queue_messages WHERE queue = $1 ORDER BY id`,
      [queueName],
    )) as { message_id: string; body: QueueMessage }[];
  const deadLetters = async () =>
    (await t.dataSource.query(
      `SELECT message_id, reason, last_error FROM queue_dead_letters WHERE queue = $1 ORDER BY id`,
      [queueName],
    )) as { message_id: string; reason: string; last_error: string }[];

  it('lists, queues and completes a case once its autoCloseHours have passed', async () => {
    const { tenant, admin, id, type } = await resolvedCase();
    const list = () => t.get(QueryBus).execute(new ListAutoCloseEligibleQuery(admin, 50));

    t.clock.set(new Date(at(2).getTime() - 1));
    expect((await list()).data).toEqual([]);
    expect(await enqueue.run({ clientId: tenant })).toEqual({ enqueued: 0 });

    t.clock.set(at(2));
    expect((await list()).data).toEqual([
      {
        caseId: id,
        displayId: expect.any(String),
        caseTypeId: type,
        resolutionDate: TEST_START,
        eligibleSince: at(2),
      },
    ]);
    expect(await enqueue.run({ clientId: tenant })).toEqual({ enqueued: 1 });
    expect(await enqueue.run({ clientId: tenant })).toEqual({ enqueued: 1 });
    const expected = autoCloseMessage(tenant, id, TEST_START);
    expect(await queued()).toEqual([{ message_id: expected.messageId, body: expected }]);

    expect(await consumer.drain()).toBe(1);
    expect(await kase(id)).toMatchObject({ state: CaseState.COMPLETED });
    expect(await completions(id)).toEqual([{ actor_id: 'system' }]);
    expect(await queued()).toEqual([]);
    expect(await enqueue.run({ clientId: tenant })).toEqual({ enqueued: 0 });
  });

  it('acknowledges a repeated message without changing the case again', async () => {
    const { tenant, id } = await resolvedCase();
    t.clock.set(at(3));
    const message = autoCloseMessage(tenant, id, TEST_START);
    await t.get(MessageQueue).enqueue([message]);
    expect(await consumer.drain()).toBe(1);
    const completed = await kase(id);

    await t.get(MessageQueue).enqueue([message]);
    expect(await consumer.drain()).toBe(1);
    expect(await kase(id)).toEqual(completed);
    expect(await completions(id)).toHaveLength(1);
    expect(await deadLetters()).toEqual([]);
  });

  it('leaves a case reopened and resolved again since the message alone, until its own time', async () => {
    const { tenant, admin, id } = await resolvedCase();
    t.clock.set(at(2.5));
    expect(await enqueue.run({ clientId: tenant })).toEqual({ enqueued: 1 });
    await bus.execute(new ReopenCaseCommand(admin, { id }));
    await bus.execute(new ResolveCaseCommand(admin, { id }, 'Refunded again'));
    const resolvedAgain = await kase(id);

    expect(await consumer.drain()).toBe(1);
    expect(await kase(id)).toEqual(resolvedAgain);
    expect(await completions(id)).toEqual([]);
    expect(await deadLetters()).toEqual([]);

    t.clock.set(at(4.5));
    expect(await enqueue.run({ clientId: tenant })).toEqual({ enqueued: 1 });
    expect((await queued())[0].body).toMatchObject({ resolutionDate: at(2.5).toISOString() });
    expect(await consumer.drain()).toBe(1);
    expect(await kase(id)).toMatchObject({ state: CaseState.COMPLETED });
  });

  it('dead-letters poison at once', async () => {
    const { tenant, id } = await resolvedCase();
    const good = autoCloseMessage(tenant, id, TEST_START);
    const poison: QueueMessage[] = [
      { ...good, messageId: randomUUID(), caseId: 'CM-12' },
      { ...good, messageId: randomUUID(), version: 2 },
      { ...good, messageId: randomUUID(), resolutionDate: 'last tuesday' },
      { ...good, messageId: randomUUID(), caseId: randomUUID() },
      { ...good, messageId: randomUUID(), clientId: newTenant() },
    ];
    await t.get(MessageQueue).enqueue(poison);
    expect(await consumer.drain()).toBe(5);
    expect((await deadLetters()).map((d) => [d.reason, d.last_error])).toEqual([
      ['poison', 'caseId must be a UUID'],
      ['poison', 'unsupported case.auto-close version 2'],
      ['poison', 'resolutionDate must be an ISO 8601 time'],
      ['poison', `case ${poison[3].caseId} not found in tenant ${tenant}`],
      ['poison', `case ${id} not found in tenant ${poison[4].clientId}`],
    ]);
    expect(await kase(id)).toMatchObject({ state: CaseState.RESOLVED });
    await t.dataSource.query(`DELETE FROM queue_dead_letters WHERE queue = $1`, [queueName]);
  });

  it('redelivers a message whose consumer died mid-message, and completes the case once', async () => {
    const { tenant, id } = await resolvedCase();
    t.clock.set(at(2));
    await enqueue.run({ clientId: tenant });
    const [abandoned] = await consumer.claim();
    expect(abandoned).toMatchObject({ attempts: 1 });

    t.clock.set(new Date(at(2).getTime() + VISIBILITY_SECONDS * 1000 - 1));
    expect(await consumer.pollOnce()).toBe(0);
    expect(await kase(id)).toMatchObject({ state: CaseState.RESOLVED });
    t.clock.set(new Date(at(2).getTime() + VISIBILITY_SECONDS * 1000));
    expect(await consumer.pollOnce()).toBe(1);
    expect(await kase(id)).toMatchObject({ state: CaseState.COMPLETED });

    expect(await consumer.deliver(abandoned)).toBe('stale');
    expect(await completions(id)).toEqual([{ actor_id: 'system' }]);
  });

  it('queues only the caller’s tenant from the endpoint, every tenant from the job', async () => {
    const [one, two] = [await resolvedCase(), await resolvedCase()];
    t.clock.set(at(2));
    expect(await enqueue.run({ clientId: one.tenant })).toEqual({ enqueued: 1 });
    expect((await queued()).map((q) => q.body.caseId)).toEqual([one.id]);

    // The job walks every tenant of this file's database; earlier tests' cases are done already.
    const summary = await t.get(AutoCloseJob).run();
    expect(summary?.enqueued).toBeGreaterThanOrEqual(2);
    expect((await queued()).map((q) => q.body.caseId)).toEqual(
      expect.arrayContaining([one.id, two.id]),
    );
    await t.dataSource.query(`DELETE FROM queue_messages WHERE queue = $1`, [queueName]);
  });
});
