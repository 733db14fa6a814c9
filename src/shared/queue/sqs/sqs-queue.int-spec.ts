import { Message, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { SqsService } from '@ssut/nestjs-sqs';
import { randomUUID } from 'node:crypto';
import { LocalSqs, startLocalSqs } from '../../../../test/support/local-sqs';
import {
  advance,
  createQueueTestModule,
  eventually,
  QueueTestModule,
} from '../../../../test/support/queue-test-module';
import { newTenant } from '../../../../test/support/test-env';
import { QueueMessage } from '../message-queue';
import { QueueHandlerRegistry } from '../queue-handler.registry';
import { SqsOutboxRelay } from './sqs-outbox.relay';

const MAX_RECEIVE_COUNT = 3;
const VISIBILITY_SECONDS = 1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Against local-aws-sqs (the SQS wire protocol, in this process on 127.0.0.1) through
 * @ssut/nestjs-sqs, on a queue whose redrive policy moves a message to its DLQ after
 * MAX_RECEIVE_COUNT receives.
 */
describe('SQS queue (integration, local-aws-sqs)', () => {
  const tenant = newTenant();
  let local: LocalSqs;
  let queueUrl: string;
  let deadLetterQueueUrl: string;
  let t: QueueTestModule;
  let relay: SqsOutboxRelay;
  /** messageId → the wall-clock time of each handler entry. */
  const calls = new Map<string, number[]>();
  const flakyFailed = new Set<string>();
  const deadLettered: Message[] = [];

  const called = (m: QueueMessage) =>
    calls.set(m.messageId, [...(calls.get(m.messageId) ?? []), Date.now()]);
  const message = (type: string): QueueMessage => ({
    type,
    version: 1,
    messageId: randomUUID(),
    clientId: tenant,
  });

  function registerHandlers(handlers: QueueHandlerRegistry): void {
    handlers.register('test.record', async (m) => {
      called(m);
    });
    handlers.register('test.flaky', async (m) => {
      called(m);
      if (!flakyFailed.has(m.messageId)) {
        flakyFailed.add(m.messageId);
        throw new Error('fails the first time');
      }
    });
    handlers.register('test.fail', async (m) => {
      called(m);
      throw new Error('always fails');
    });
  }

  /** Everything that reached the DLQ so far (read and removed from it). */
  async function readDeadLetters(): Promise<Message[]> {
    for (;;) {
      const { Messages } = await local.client.send(
        new ReceiveMessageCommand({
          QueueUrl: deadLetterQueueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 0,
          VisibilityTimeout: 3600,
          MessageAttributeNames: ['All'],
        }),
      );
      if (!Messages?.length) return deadLettered;
      deadLettered.push(...Messages);
    }
  }

  async function outboxRow(messageId: string) {
    const [row] = (await t.dataSource.query(
      `SELECT sent_at, attempts, last_error FROM queue_outbox WHERE queue = $1 AND message_id = $2`,
      [queueUrl, messageId],
    )) as { sent_at: Date | null; attempts: number; last_error: string | null }[];
    return row;
  }

  beforeAll(async () => {
    local = await startLocalSqs();
    ({ queueUrl, deadLetterQueueUrl } = (await local.createQueue(
      `cms-test-${randomUUID().slice(0, 8)}`,
      { visibilityTimeoutSeconds: VISIBILITY_SECONDS, maxReceiveCount: MAX_RECEIVE_COUNT },
    )) as { queueUrl: string; deadLetterQueueUrl: string });
    t = await createQueueTestModule(
      {
        consume: true,
        pollIntervalMs: 0,
        batchSize: 1,
        visibilityTimeoutSeconds: VISIBILITY_SECONDS,
      },
      registerHandlers,
      local.env(queueUrl),
    );
    relay = t.moduleRef.get(SqsOutboxRelay);
  });
  afterAll(async () => {
    await t?.close();
    await local?.close();
  });

  it('binds the MessageQueue port to the SQS adapter', () => {
    expect(t.queue.constructor.name).toBe('SqsMessageQueue');
  });

  it('sends a committed message after commit and consumes it once', async () => {
    const m = message('test.record');
    await t.tx.run(() => t.queue.enqueue([m]));

    expect((await outboxRow(m.messageId)).sent_at).toEqual(t.clock.now());
    await eventually(() => expect(calls.get(m.messageId)).toHaveLength(1));
    await sleep(VISIBILITY_SECONDS * 1000 + 1000);
    expect(calls.get(m.messageId)).toHaveLength(1);
  });

  it('sends nothing for a transaction that rolls back', async () => {
    const m = message('test.record');
    await expect(
      t.tx.run(async () => {
        await t.queue.enqueue([m]);
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');

    expect(await outboxRow(m.messageId)).toBeUndefined();
    expect(await relay.flush()).toBe(0);
  });

  it('keeps a message decided while SQS is down, and the relay sends it later', async () => {
    const send = jest
      .spyOn(t.moduleRef.get(SqsService), 'send')
      .mockRejectedValueOnce(new Error('SQS unavailable'));
    const m = message('test.record');

    await t.tx.run(() => t.queue.enqueue([m]));

    expect(send).toHaveBeenCalledTimes(1);
    expect(await outboxRow(m.messageId)).toMatchObject({
      sent_at: null,
      attempts: 1,
      last_error: 'SQS unavailable',
    });
    expect(await relay.flush()).toBe(0); // the failed batch backs off until its claim expires
    advance(t.clock, VISIBILITY_SECONDS * 1000);
    expect(await relay.flush()).toBe(1);
    expect(await outboxRow(m.messageId)).toMatchObject({ attempts: 2, sent_at: t.clock.now() });
    await eventually(() => expect(calls.get(m.messageId)).toHaveLength(1));
    send.mockRestore();
  });

  it('redelivers a message after its handler fails, once the visibility timeout passes', async () => {
    const m = message('test.flaky');
    await t.queue.enqueue([m]);

    const [first, second] = await eventually(() => {
      expect(calls.get(m.messageId)).toHaveLength(2);
      return calls.get(m.messageId)!;
    });
    expect(second - first).toBeGreaterThanOrEqual(VISIBILITY_SECONDS * 1000 - 100);
    await sleep(VISIBILITY_SECONDS * 1000 + 1000);
    expect(calls.get(m.messageId)).toHaveLength(2);
    expect((await readDeadLetters()).filter((d) => d.Body?.includes(m.messageId))).toEqual([]);
  });

  it('moves poison to the DLQ at once, without retrying it or calling a handler', async () => {
    const unknownType = JSON.stringify(message('test.nobody-handles-this'));
    const noTenant = JSON.stringify({ ...message('test.record'), clientId: undefined });
    const bodies = ['this is not JSON', unknownType, noTenant];
    for (const body of bodies) {
      await local.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    }

    const poison = await eventually(async () => {
      const found = (await readDeadLetters()).filter((d) => bodies.includes(d.Body!));
      expect(found).toHaveLength(3);
      return found;
    });

    expect(
      Object.fromEntries(poison.map((d) => [d.Body, d.MessageAttributes?.reason?.StringValue])),
    ).toEqual({
      'this is not JSON': 'the message body is not JSON',
      [unknownType]: 'no handler for message type test.nobody-handles-this',
      [noTenant]: 'clientId must be a non-empty string',
    });
    expect(calls.has((JSON.parse(noTenant) as QueueMessage).messageId)).toBe(false);
    // Acknowledged on the first receive: nothing left in flight for the redrive to count.
    expect(await local.depth(queueUrl)).toBe(0);
  });

  it('leaves a message that always fails to the redrive policy: DLQ after maxReceiveCount', async () => {
    const m = message('test.fail');
    await t.queue.enqueue([m]);

    const [dead] = await eventually(async () => {
      const found = (await readDeadLetters()).filter((d) => d.Body?.includes(m.messageId));
      expect(found).toHaveLength(1);
      return found;
    }, 20_000);

    expect(calls.get(m.messageId)).toHaveLength(MAX_RECEIVE_COUNT);
    expect(JSON.parse(dead.Body!)).toEqual(m);
  }, 30_000);
});
