import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { QueueSettings } from '../queue.settings';

/** The SQS client (created on first use, so the embedded driver never builds one) and queue URLs. */
@Injectable()
export class SqsConnection implements OnApplicationShutdown {
  private sqsClient?: SQSClient;
  private deadLetterQueue?: Promise<string | null>;

  constructor(private readonly settings: QueueSettings) {}

  get client(): SQSClient {
    const { region, sqsEndpoint } = this.settings;
    this.sqsClient ??= new SQSClient({ region, ...(sqsEndpoint ? { endpoint: sqsEndpoint } : {}) });
    return this.sqsClient;
  }

  get queueUrl(): string {
    if (!this.settings.sqsQueueUrl) throw new Error('QUEUE_DRIVER=sqs needs SQS_QUEUE_URL');
    return this.settings.sqsQueueUrl;
  }

  /** The dead-letter queue named by the queue's redrive policy, or null when it has none. */
  deadLetterQueueUrl(): Promise<string | null> {
    this.deadLetterQueue ??= this.resolveDeadLetterQueue().catch((error: unknown) => {
      this.deadLetterQueue = undefined;
      throw error;
    });
    return this.deadLetterQueue;
  }

  onApplicationShutdown(): void {
    this.sqsClient?.destroy();
  }

  private async resolveDeadLetterQueue(): Promise<string | null> {
    const { Attributes } = await this.client.send(
      new GetQueueAttributesCommand({ QueueUrl: this.queueUrl, AttributeNames: ['RedrivePolicy'] }),
    );
    if (!Attributes?.RedrivePolicy) return null;
    const { deadLetterTargetArn } = JSON.parse(Attributes.RedrivePolicy) as {
      deadLetterTargetArn: string;
    };
    // arn:aws:sqs:<region>:<account>:<queue name>
    const [, , , , account, name] = deadLetterTargetArn.split(':');
    const { QueueUrl } = await this.client.send(
      new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }),
    );
    return QueueUrl ?? null;
  }
}
