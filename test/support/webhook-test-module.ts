import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { allConfig, outboxConfig, webhooksConfig } from '../../src/config/configuration';
import { validateEnv } from '../../src/config/env.validation';
import { WebhookDispatcher } from '../../src/modules/webhooks/delivery/webhook-dispatcher';
import { WebhookSettings } from '../../src/modules/webhooks/delivery/webhook-settings';
import { WebhooksModule } from '../../src/modules/webhooks/webhooks.module';
import { DatabaseModule } from '../../src/shared/database/database.module';
import { IdempotencyModule } from '../../src/shared/http/idempotency.module';
import { TransactionManager } from '../../src/shared/database/transaction-manager';
import { NewNotification } from '../../src/shared/notifications/notification';
import { Notifier } from '../../src/shared/notifications/notifier';
import { Outbox } from '../../src/shared/outbox/outbox';
import { OutboxModule } from '../../src/shared/outbox/outbox.module';
import { OutboxRelay } from '../../src/shared/outbox/outbox-relay';
import { OutboxRelaySettings } from '../../src/shared/outbox/outbox-relay.settings';
import { Clock, FixedClock } from '../../src/shared/time/clock';
import { ClockModule } from '../../src/shared/time/clock.module';
import { TEST_START } from './test-app';
import { applyTestEnv } from './test-env';

export class RecordingNotifier extends Notifier {
  readonly recorded: NewNotification[] = [];
  record(notifications: NewNotification[]): Promise<void> {
    this.recorded.push(...notifications);
    return Promise.resolve();
  }
}

/**
 * The outbox, its relay and the webhooks module (no HTTP) on a private database, with a fixed
 * clock and a recording notifier; loops off unless `enabled`.
 */
export async function createWebhookTestModule(
  databaseUrl: string,
  options: { enabled?: boolean; webhooks?: Partial<WebhookSettings> } = {},
) {
  applyTestEnv({ DATABASE_URL: databaseUrl, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' });
  const clock = new FixedClock(TEST_START);
  const notifier = new RecordingNotifier();
  @Global()
  @Module({ providers: [{ provide: Notifier, useValue: notifier }], exports: [Notifier] })
  class TestNotifierModule {}
  const enabled = options.enabled ?? false;
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({ isGlobal: true, load: allConfig, validate: validateEnv }),
      CqrsModule.forRoot(),
      ClockModule,
      DatabaseModule,
      IdempotencyModule, // for the POST routes of WebhooksModule (post.decorator.ts)
      TestNotifierModule,
      OutboxModule,
      WebhooksModule,
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(OutboxRelaySettings)
    .useValue({ ...OutboxRelaySettings.from(outboxConfig()), enabled, pollIntervalMs: 20 })
    .overrideProvider(WebhookSettings)
    .useValue({
      ...WebhookSettings.from(webhooksConfig(), outboxConfig()),
      enabled,
      pollIntervalMs: 20,
      ...options.webhooks,
    })
    .compile();
  if (!process.env.OUTBOX_TEST_LOGS) moduleRef.useLogger(false);
  await moduleRef.init();
  return {
    moduleRef,
    clock,
    notifier,
    tx: moduleRef.get(TransactionManager),
    outbox: moduleRef.get(Outbox),
    relay: moduleRef.get(OutboxRelay),
    dispatcher: moduleRef.get(WebhookDispatcher),
    close: () => moduleRef.close(),
  };
}

export type WebhookTestModule = Awaited<ReturnType<typeof createWebhookTestModule>>;
