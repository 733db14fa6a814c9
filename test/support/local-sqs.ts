import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createSqsServer } from 'local-aws-sqs';
import { AddressInfo, createServer } from 'node:net';

export interface LocalSqs {
  endpoint: string;
  client: SQSClient;
  /** Creates a queue; with `maxReceiveCount`, also its DLQ and the redrive policy to it. */
  createQueue(
    name: string,
    options?: { visibilityTimeoutSeconds?: number; maxReceiveCount?: number },
  ): Promise<{ queueUrl: string; deadLetterQueueUrl?: string }>;
  /** The environment that points QUEUE_DRIVER=sqs at `queueUrl` on this server. */
  env(queueUrl: string): Record<string, string>;
  /** How many messages are waiting or in flight. */
  depth(queueUrl: string): Promise<number>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** local-aws-sqs (the SQS wire protocol, in this process) on a free port of 127.0.0.1. */
export async function startLocalSqs(): Promise<LocalSqs> {
  const port = await freePort();
  const server = await createSqsServer({ port, hostname: '127.0.0.1' });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new SQSClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });

  async function createQueue(
    name: string,
    options: { visibilityTimeoutSeconds?: number; maxReceiveCount?: number } = {},
  ) {
    const Attributes: Record<string, string> = {};
    if (options.visibilityTimeoutSeconds) {
      Attributes.VisibilityTimeout = String(options.visibilityTimeoutSeconds);
    }
    let deadLetterQueueUrl: string | undefined;
    if (options.maxReceiveCount) {
      deadLetterQueueUrl = (await client.send(new CreateQueueCommand({ QueueName: `${name}-dlq` })))
        .QueueUrl!;
      const dlq = await client.send(
        new GetQueueAttributesCommand({
          QueueUrl: deadLetterQueueUrl,
          AttributeNames: ['QueueArn'],
        }),
      );
      Attributes.RedrivePolicy = JSON.stringify({
        deadLetterTargetArn: dlq.Attributes!.QueueArn,
        maxReceiveCount: options.maxReceiveCount,
      });
    }
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name, Attributes }));
    return { queueUrl: QueueUrl!, deadLetterQueueUrl };
  }

  return {
    endpoint,
    client,
    createQueue,
    env: (queueUrl) => ({
      QUEUE_DRIVER: 'sqs',
      SQS_QUEUE_URL: queueUrl,
      SQS_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    }),
    depth: async (queueUrl) => {
      const { Attributes } = await client.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      return (
        Number(Attributes?.ApproximateNumberOfMessages) +
        Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
      );
    },
    close: async () => {
      client.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
