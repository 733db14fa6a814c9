import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { randomUUID } from 'node:crypto';
import { LocalSqs, startLocalSqs } from '../../../../test/support/local-sqs';
import {
  createQueueTestModule,
  eventually,
  QueueTestModule,
} from '../../../../test/support/queue-test-module';

describe('SQS queue without a redrive policy (integration, local-aws-sqs)', () => {
  let local: LocalSqs;
  let queueUrl: string;
  let t: QueueTestModule;

  beforeAll(async () => {
    local = await startLocalSqs();
    ({ queueUrl } = await local.createQueue(`cms-test-nodlq-${randomUUID().slice(0, 8)}`));
    t = await createQueueTestModule(
      { consume: true, pollIntervalMs: 0, batchSize: 1 },
      () => undefined,
      local.env(queueUrl),
    );
  });
  afterAll(async () => {
    await t?.close();
    await local?.close();
  });

  it('records poison in queue_dead_letters and acknowledges it', async () => {
    await local.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '[1, 2]' }));

    const rows = await eventually(async () => {
      const found = (await t.dataSource.query(
        `SELECT body, reason, last_error FROM queue_dead_letters WHERE queue = $1`,
        [queueUrl],
      )) as unknown[];
      expect(found).toHaveLength(1);
      return found;
    });

    expect(rows).toEqual([
      { body: '[1, 2]', reason: 'poison', last_error: 'the message is not a JSON object' },
    ]);
    expect(await local.depth(queueUrl)).toBe(0);
  });
});
