import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DefinitionsBuilder } from '../../../../test/support/builders/definitions.builder';
import { userActor } from '../../../../test/support/case-trail';
import { LocalSqs, startLocalSqs } from '../../../../test/support/local-sqs';
import { eventually } from '../../../../test/support/queue-test-module';
import {
  createTestModule,
  TEST_START,
  TestModule,
  CASE_PATH_MODULES,
} from '../../../../test/support/test-module';
import { AutoCloseModule } from '../auto-close.module';
import { newTenant } from '../../../../test/support/test-env';
import { CaseState } from '../../../shared/domain/case-state';
import { CreateCaseCommand, OpenCaseCommand, ResolveCaseCommand } from '../../cases';
import { autoCloseMessage } from '../domain/auto-close-message';
import { EnqueueAutoClose } from '../enqueue-auto-close/enqueue-auto-close';

/** Auto-close and the case commands it sends, on the queue, without HTTP. */
const AUTO_CLOSE_MODULES = [...CASE_PATH_MODULES, AutoCloseModule];
const HOUR = 3_600_000;

/** The same job and consumer on QUEUE_DRIVER=sqs, against local-aws-sqs through @ssut/nestjs-sqs. */
describe('auto-close over SQS (integration, local-aws-sqs)', () => {
  let local: LocalSqs;
  let queueUrl: string;
  let t: TestModule;
  const tenant = newTenant();
  const admin = userActor(tenant);

  beforeAll(async () => {
    local = await startLocalSqs();
    ({ queueUrl } = await local.createQueue(`cms-auto-close-${randomUUID().slice(0, 8)}`, {
      visibilityTimeoutSeconds: 1,
      maxReceiveCount: 3,
    }));
    t = await createTestModule(AUTO_CLOSE_MODULES, {
      env: {
        DATABASE_POOL_SIZE: '8',
        ...local.env(queueUrl),
        LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent',
      },
      queue: { consume: true, batchSize: 1, visibilityTimeoutSeconds: 1 },
    });
  });
  afterAll(async () => {
    await t?.close();
    await local?.close();
  });

  async function resolvedCase(): Promise<string> {
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({ autoCloseHours: 1 });
    const bus = t.get(CommandBus);
    const id: string = await bus.execute(
      new CreateCaseCommand(admin, { caseTypeId: type.id, details: 'Refund' }),
    );
    await bus.execute(new OpenCaseCommand(admin, { id }));
    await bus.execute(new ResolveCaseCommand(admin, { id }, 'Refunded'));
    return id;
  }

  const state = async (id: string) =>
    (
      (await t.dataSource.query(`SELECT state FROM cases WHERE id = $1`, [id])) as {
        state: CaseState;
      }[]
    )[0].state;

  it('produces to SQS, consumes, and completes the case', async () => {
    t.clock.set(TEST_START);
    const id = await resolvedCase();
    t.clock.set(new Date(TEST_START.getTime() + HOUR));

    expect(await t.get(EnqueueAutoClose).run({ clientId: tenant })).toEqual({ enqueued: 1 });
    const [sent] = (await t.dataSource.query(
      `SELECT message_id, body, sent_at FROM queue_outbox WHERE queue = $1`,
      [queueUrl],
    )) as { message_id: string; body: unknown; sent_at: Date | null }[];
    expect(sent).toEqual({
      message_id: autoCloseMessage(tenant, id, TEST_START).messageId,
      body: autoCloseMessage(tenant, id, TEST_START),
      sent_at: expect.any(Date),
    });

    await eventually(async () => expect(await state(id)).toBe(CaseState.COMPLETED));
    const activity = await t.dataSource.query(
      `SELECT actor_id FROM case_activities WHERE case_id = $1 AND type = 'case.completed'`,
      [id],
    );
    expect(activity).toEqual([{ actor_id: 'system' }]);
  });

  it('consumes a message an external scheduler put on the queue itself', async () => {
    t.clock.set(TEST_START);
    const id = await resolvedCase();
    const body = JSON.stringify(autoCloseMessage(tenant, id, TEST_START));
    await local.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));

    await eventually(async () => expect(await state(id)).toBe(CaseState.COMPLETED));
    await eventually(async () => expect(await local.depth(queueUrl)).toBe(0));
  });
});
