import { randomUUID } from 'node:crypto';
import {
  advance,
  createQueueTestModule,
  QueueTestModule,
} from '../../../../test/support/queue-test-module';
import { newTenant } from '../../../../test/support/test-env';
import { MessageQueue, QueueMessage } from '../message-queue';
import { QueueHandlerRegistry } from '../queue-handler.registry';
import { PoisonMessageError } from '../queue.errors';
import { EmbeddedQueueConsumer } from './embedded-queue.consumer';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const SECOND = 1000;
const VISIBILITY_SECONDS = 30;
const RETRY_BASE_SECONDS = 10;
const MAX_ATTEMPTS = 5;

describe(`embedded queue (integration, ${engine})`, () => {
  const queueName = `test-embedded-${randomUUID()}`;
  const tenant = newTenant();
  let t: QueueTestModule;
  let consumer: EmbeddedQueueConsumer;
  /** messageId → how many times a handler was entered. */
  let calls: Map<string, number>;
  /** messageId → how many more times the `test.flaky` handler fails. */
  let failuresLeft: Map<string, number>;

  const called = (m: QueueMessage) => calls.set(m.messageId, (calls.get(m.messageId) ?? 0) + 1);
  const message = (type: string, extra: Record<string, unknown> = {}): QueueMessage => ({
    type,
    version: 1,
    messageId: randomUUID(),
    clientId: tenant,
    ...extra,
  });

  function registerHandlers(handlers: QueueHandlerRegistry): void {
    handlers.register('test.record', async (m) => {
      called(m);
    });
    handlers.register('test.flaky', async (m) => {
      called(m);
      const left = failuresLeft.get(m.messageId) ?? 0;
      if (left > 0) {
        failuresLeft.set(m.messageId, left - 1);
        throw new Error(`flaky failure, ${left} left`);
      }
    });
    handlers.register('test.fail', async (m) => {
      called(m);
      throw new Error('always fails');
    });
    handlers.register('test.reject-payload', async (m) => {
      called(m);
      throw new PoisonMessageError('caseId is missing');
    });
    handlers.register('test.follow-up', async (m) => {
      called(m);
      await t.moduleRef
        .get(MessageQueue)
        .enqueue([message('test.record', { parent: m.messageId })]);
      if (m.thenFail) throw new Error('failed after enqueuing the follow-up');
    });
  }

  async function pending(): Promise<
    { message_id: string; attempts: number; last_error: string | null; body: QueueMessage }[]
  > {
    return t.dataSource.query(
      `SELECT message_id, attempts, last_error, body FROM queue_messages WHERE queue = $1 ORDER BY id`,
      [queueName],
    );
  }

  async function deadLetters(): Promise<
    { message_id: string; reason: string; attempts: number; last_error: string; body: string }[]
  > {
    return t.dataSource.query(
      `SELECT message_id, reason, attempts, last_error, body FROM queue_dead_letters
        WHERE queue = $1 ORDER BY id`,
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
        retryBaseSeconds: RETRY_BASE_SECONDS,
      },
      registerHandlers,
      { DATABASE_POOL_SIZE: '6' },
    );
    consumer = t.moduleRef.get(EmbeddedQueueConsumer);
  });
  afterAll(() => t?.close());

  beforeEach(async () => {
    calls = new Map();
    failuresLeft = new Map();
    await t.dataSource.query(`DELETE FROM queue_messages WHERE queue = $1`, [queueName]);
    await t.dataSource.query(`DELETE FROM queue_dead_letters WHERE queue = $1`, [queueName]);
  });

  it('binds the MessageQueue port to the embedded adapter', () => {
    expect(t.queue.constructor.name).toBe('EmbeddedMessageQueue');
  });

  it('enqueues nothing when the caller’s transaction rolls back', async () => {
    const m = message('test.record');
    await expect(
      t.tx.run(async () => {
        await t.queue.enqueue([m]);
        expect(
          await t.tx.query(`SELECT 1 FROM queue_messages WHERE message_id = $1`, [m.messageId]),
        ).toHaveLength(1);
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');

    expect(await pending()).toEqual([]);
    expect(await consumer.drain()).toBe(0);
    expect(calls.size).toBe(0);
  });

  it('delivers a committed message once and removes it', async () => {
    const m = message('test.record', { caseId: 'c1' });
    await t.tx.run(() => t.queue.enqueue([m]));
    expect(await pending()).toEqual([
      expect.objectContaining({ message_id: m.messageId, attempts: 0, body: m }),
    ]);

    expect(await consumer.pollOnce()).toBe(1);

    expect(calls.get(m.messageId)).toBe(1);
    expect(await pending()).toEqual([]);
    expect(await consumer.drain()).toBe(0);
    expect(calls.get(m.messageId)).toBe(1);
  });

  it('retries a failing handler with backoff and completes on the third attempt', async () => {
    const m = message('test.flaky');
    failuresLeft.set(m.messageId, 2);
    await t.queue.enqueue([m]);

    expect(await consumer.pollOnce()).toBe(1);
    expect(calls.get(m.messageId)).toBe(1);
    expect(await pending()).toEqual([
      expect.objectContaining({ attempts: 1, last_error: 'flaky failure, 2 left' }),
    ]);

    // first backoff: retryBase
    expect(await consumer.pollOnce()).toBe(0);
    advance(t.clock, RETRY_BASE_SECONDS * SECOND - 1);
    expect(await consumer.pollOnce()).toBe(0);
    advance(t.clock, 1);
    expect(await consumer.pollOnce()).toBe(1);
    expect(calls.get(m.messageId)).toBe(2);
    expect(await pending()).toEqual([
      expect.objectContaining({ attempts: 2, last_error: 'flaky failure, 1 left' }),
    ]);

    // second backoff: 2 × retryBase
    advance(t.clock, 2 * RETRY_BASE_SECONDS * SECOND - 1);
    expect(await consumer.pollOnce()).toBe(0);
    advance(t.clock, 1);
    expect(await consumer.pollOnce()).toBe(1);

    expect(calls.get(m.messageId)).toBe(3);
    expect(await pending()).toEqual([]);
    expect(await deadLetters()).toEqual([]);
  });

  it('dead-letters poison at once, never calling a handler twice', async () => {
    const unknownType = message('test.nobody-handles-this');
    const rejected = message('test.reject-payload');
    await t.queue.enqueue([unknownType, rejected]);
    // An external producer writing a row that is JSON but not an envelope.
    await t.dataSource.query(
      `INSERT INTO queue_messages (queue, message_id, body, available_at, created_at)
       VALUES ($1, 'external-1', '{"hello": "world"}', $2, $2)`,
      [queueName, t.clock.now()],
    );

    expect(await consumer.pollOnce()).toBe(3);

    expect(await pending()).toEqual([]);
    const dead = await deadLetters();
    expect(dead).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          message_id: unknownType.messageId,
          reason: 'poison',
          attempts: 1,
          last_error: 'no handler for message type test.nobody-handles-this',
        }),
        expect.objectContaining({
          message_id: rejected.messageId,
          reason: 'poison',
          attempts: 1,
          last_error: 'caseId is missing',
        }),
        expect.objectContaining({
          message_id: 'external-1',
          reason: 'poison',
          attempts: 1,
          last_error: 'type must be a non-empty string',
          body: '{"hello": "world"}',
        }),
      ]),
    );
    expect(dead).toHaveLength(3);
    expect(JSON.parse(dead.find((d) => d.message_id === rejected.messageId)!.body)).toEqual(
      rejected,
    );
    expect(calls.get(rejected.messageId)).toBe(1);
    advance(t.clock, 24 * 3600 * SECOND);
    expect(await consumer.drain()).toBe(0);
  });

  it('dead-letters a message whose handler always fails after maxAttempts', async () => {
    const m = message('test.fail');
    await t.queue.enqueue([m]);

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await consumer.pollOnce()).toBe(1);
      expect(calls.get(m.messageId)).toBe(attempt);
      advance(t.clock, 3600 * SECOND);
    }

    expect(await pending()).toEqual([]);
    expect(await deadLetters()).toEqual([
      expect.objectContaining({
        message_id: m.messageId,
        reason: 'failed',
        attempts: MAX_ATTEMPTS,
        last_error: 'always fails',
      }),
    ]);
    expect(await consumer.drain()).toBe(0);
    expect(calls.get(m.messageId)).toBe(MAX_ATTEMPTS);
  });

  it('keeps one message per messageId, within a call and across calls', async () => {
    const m = message('test.record');
    await t.queue.enqueue([m, { ...m }]);
    await t.tx.run(() => t.queue.enqueue([{ ...m, caseId: 'ignored duplicate' }]));

    expect(await pending()).toHaveLength(1);
    expect(await consumer.drain()).toBe(1);
    expect(calls.get(m.messageId)).toBe(1);
  });

  it('commits a handler’s writes with the ack, and rolls them back when it fails', async () => {
    const ok = message('test.follow-up');
    const failing = message('test.follow-up', { thenFail: true });
    await t.queue.enqueue([ok, failing]);

    expect(await consumer.pollOnce()).toBe(2);

    const rows = await pending();
    expect(rows.map((r) => r.body.parent ?? r.message_id).sort()).toEqual(
      [ok.messageId, failing.messageId].sort(),
    );
    expect(rows.find((r) => r.message_id === failing.messageId)).toMatchObject({
      attempts: 1,
      last_error: 'failed after enqueuing the follow-up',
    });
  });

  it('rejects a malformed message at the producer', async () => {
    const bad = { ...message('test.record'), clientId: '' };
    await expect(t.queue.enqueue([bad])).rejects.toThrow(
      'invalid queue message: clientId must be a non-empty string',
    );
    expect(await pending()).toEqual([]);
  });
});
