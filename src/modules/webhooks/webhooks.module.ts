import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { authConfig, outboxConfig, webhooksConfig } from '../../config/configuration';
import { WebhookSubscriptions } from './commands/webhook-subscriptions';
import { SecretBox } from './delivery/secret-box';
import { WebhookDeliveryStore } from './delivery/webhook-delivery.store';
import { WebhookDispatcher } from './delivery/webhook-dispatcher';
import { WebhookSender } from './delivery/webhook-sender';
import { WebhookSettings } from './delivery/webhook-settings';
import { EventFeedReader } from './feed/event-feed.reader';
import { EventFeedSubscriber } from './feed/event-feed.subscriber';
import { EventStream } from './feed/event-stream';
import { EventsController } from './feed/events.controller';
import { WebhooksController } from './http/webhooks.controller';
import { WebhookQueries } from './queries/webhook-queries';

const controllers = [WebhooksController, EventsController];
const subscribers = [EventFeedSubscriber];

/**
 * Webhooks and the change feed: the `change-feed` outbox subscriber appends every event to the
 * tenant's feed and queues its webhook deliveries; the dispatcher sends them.
 */
@Module({
  controllers,
  providers: [
    {
      provide: WebhookSettings,
      inject: [webhooksConfig.KEY, outboxConfig.KEY],
      useFactory: (
        webhooks: ConfigType<typeof webhooksConfig>,
        outbox: ConfigType<typeof outboxConfig>,
      ) => WebhookSettings.from(webhooks, outbox),
    },
    {
      provide: SecretBox,
      inject: [webhooksConfig.KEY, authConfig.KEY],
      useFactory: (
        webhooks: ConfigType<typeof webhooksConfig>,
        auth: ConfigType<typeof authConfig>,
      ) => new SecretBox(webhooks.secretKey ?? auth.secret),
    },
    WebhookSubscriptions,
    WebhookQueries,
    WebhookDeliveryStore,
    WebhookSender,
    WebhookDispatcher,
    EventFeedReader,
    EventStream,
    ...subscribers,
  ],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
