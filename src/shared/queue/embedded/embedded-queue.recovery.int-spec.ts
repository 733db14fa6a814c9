import { randomUUID } from 'node:crypto';
import {
  advance,
  createQueueTestModule,
  QueueTestModule,
} from '../../../../test/support/queue-test-module';
import { newTenant } from '../../../../test/support/test-env';
import { QueueMessage } from '../message-queue';
import { EmbeddedQueueConsumer } from './embedded-queue.consumer';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const SECOND = 1000;
const VISIBILITY_SECONDS = 30;
const MAX_ATTEMPTS = 5;

/** Consumers that die, come back late, or race each other. */
describe(`embedded queue recovery (integration, ${engine})`, () => {
  const queueName = `test-embedded-recovery-${randomUUID()}`;
  const tenant = newTenant();
  let t: QueueTestModule;
  let consumer: EmbeddedQueueConsumer;
  /** messageId → how many times a handler was entered. */
  let calls: Map<string, number>;

  const called = (m: QueueMessage) => calls.set(m.messageId, (calls.get(m.messageId) ?? 0) + 1);
  const message = (type: string): QueueMessage => ({
    type,
    version: 1,
    messageId: randomUUID(),
    clientId: tenant,
  });

  async function pending(): Promise<
    { message_id: string; attempts: number; last_error: string }[]
  > {
    return t.dataSource.query(
      `SELECT message_id, attempts, last_error FROM queue_messages WHERE queue = $1 ORDER BY id`,
      [queueName],
    );
  }

  async function deadLetters(): Promise<
    { message_id: string; reason: string; attempts: number }[]
  > {
    return t.dataSource.query(
      `SELECT message_id, reason, attempts FROM queue_dead_letters WHERE queue = $1 ORDER BY id`,
      [queueName],
    );
  }

  beforeAll(async () => {
    t = await createQueueTestModule(
      {
        driver: 'embedded',
        queueName,
        consume: false,
        pollIntervalMs: 0,
        batchSize: 10,
        visibilityTimeoutSeconds: VISIBILITY_SECONDS,
        maxAttempts: MAX_ATTEMPTS,
      },
      (handlers) => {
        handlers.register('test.record', async (m) => {
          called(m);
          await t.tx.query('SELECT 1'); // a round trip inside the ack transaction
        });
        handlers.register('test.fail', async (m) => {
          called(m);
          throw new Error('always fails');
        });
      },
      { DATABASE_POOL_SIZE: '6' },
    );
    consumer = t.moduleRef.get(EmbeddedQueueConsumer);
  });
  afterAll(() => t?.close());

  beforeEach(async () => {
    calls = new Map();
    await t.dataSource.query(`DELETE FROM queue_messages WHERE queue = $1`, [queueName]);
    await t.dataSource.query(`DELETE FROM queue_dead_letters WHERE queue = $1`, [queueName]);
  });

  it('redelivers a message whose consumer died mid-message, and completes it once', async () => {
    const m = message('test.record');
    await t.queue.enqueue([m]);
    const [abandoned] = await consumer.claim();
    expect(abandoned).toMatchObject({ messageId: m.messageId, attempts: 1 });

    // Still invisible until the visibility timeout passes.
    advance(t.clock, VISIBILITY_SECONDS * SECOND - 1);
    expect(await consumer.pollOnce()).toBe(0);
    advance(t.clock, 1);
    expect(await consumer.pollOnce()).toBe(1);
    expect(calls.get(m.messageId)).toBe(1);
    expect(await pending()).toEqual([]);

    // The first claimant coming back late can neither run the handler again nor touch the row.
    expect(await consumer.deliver(abandoned)).toBe('stale');
    expect(calls.get(m.messageId)).toBe(1);
  });

  it('does not let a stale claimant retry a message another consumer now holds', async () => {
    const m = message('test.fail');
    await t.queue.enqueue([m]);
    const [first] = await consumer.claim();
    advance(t.clock, VISIBILITY_SECONDS * SECOND);
    const [second] = await consumer.claim();
    expect(second).toMatchObject({ messageId: m.messageId, attempts: 2 });

    expect(await consumer.deliver(first)).toBe('stale');
    expect(calls.get(m.messageId)).toBeUndefined();
    expect(await consumer.deliver(second)).toBe('retried');
    expect(await pending()).toEqual([
      expect.objectContaining({ attempts: 2, last_error: 'always fails' }),
    ]);
  });

  it('dead-letters a message abandoned maxAttempts times without running it again', async () => {
    const m = message('test.record');
    await t.queue.enqueue([m]);
    for (let claim = 1; claim <= MAX_ATTEMPTS; claim++) {
      expect(await consumer.claim()).toHaveLength(1);
      advance(t.clock, VISIBILITY_SECONDS * SECOND);
    }

    expect(await consumer.pollOnce()).toBe(1);

    expect(calls.size).toBe(0);
    expect(await deadLetters()).toEqual([
      expect.objectContaining({
        message_id: m.messageId,
        reason: 'abandoned',
        attempts: MAX_ATTEMPTS + 1,
      }),
    ]);
  });

  if (process.env.TEST_DATABASE_URL) {
    it('hands each of 300 messages to exactly one of three concurrent consumers', async () => {
      const messages = Array.from({ length: 300 }, () => message('test.record'));
      await t.queue.enqueue(messages);
      const loop = async () => {
        let claimed = 0;
        for (let n = await consumer.pollOnce(); n > 0; n = await consumer.pollOnce()) claimed += n;
        return claimed;
      };

      const claimedPerLoop = await Promise.all([loop(), loop(), loop()]);

      expect(claimedPerLoop.reduce((a, b) => a + b, 0)).toBe(300);
      expect(claimedPerLoop.filter((n) => n > 0).length).toBeGreaterThan(1);
      expect(calls.size).toBe(300);
      expect([...calls.values()].every((n) => n === 1)).toBe(true);
      expect(await pending()).toEqual([]);
      expect(await deadLetters()).toEqual([]);
    });
  }
});

describe(`embedded queue consumer started on bootstrap (integration, ${engine})`, () => {
  const tenant = newTenant();

  async function startWith(consume: boolean) {
    const handled: string[] = [];
    const t = await createQueueTestModule(
      {
        driver: 'embedded',
        queueName: `test-embedded-poll-${randomUUID()}`,
        consume,
        pollIntervalMs: 50,
      },
      (handlers) =>
        handlers.register('test.poll', async (m) => {
          handled.push(m.messageId);
        }),
    );
    const m = { type: 'test.poll', version: 1, messageId: randomUUID(), clientId: tenant };
    await t.queue.enqueue([m]);
    return { t, m, handled };
  }

  it('polls on its own when jobs are enabled', async () => {
    const { t, m, handled } = await startWith(true);
    try {
      for (let i = 0; i < 100 && handled.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(handled).toEqual([m.messageId]);
    } finally {
      await t.close();
    }
  });

  it('does not poll when jobs are disabled', async () => {
    const { t, handled } = await startWith(false);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(handled).toEqual([]);
      expect(await t.moduleRef.get(EmbeddedQueueConsumer).drain()).toBe(1);
      expect(handled).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
