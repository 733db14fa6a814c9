import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxConfig, outboxConfig } from '../../config/configuration';
import { OperationsModule } from '../operations/operations.module';
import { OutboxDeliveryStore } from './outbox-delivery.store';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxRelay } from './outbox-relay';
import { OutboxRelaySettings } from './outbox-relay.settings';
import { EventBusSubscriber } from './subscribers/event-bus.subscriber';
import { EventMetricsSubscriber } from './subscribers/event-metrics.subscriber';

const subscribers = [EventBusSubscriber, EventMetricsSubscriber];

/**
 * The outbox relay. Outbox (the writer) lives in DatabaseModule beside the transactions it joins;
 * a feature module subscribes by providing an OutboxSubscriber, found here by discovery.
 */
@Module({
  imports: [DiscoveryModule, OperationsModule],
  providers: [
    {
      provide: OutboxRelaySettings,
      inject: [outboxConfig.KEY],
      useFactory: (config: OutboxConfig) => OutboxRelaySettings.from(config),
    },
    OutboxDeliveryStore,
    OutboxMetrics,
    OutboxRelay,
    ...subscribers,
  ],
  exports: [OutboxRelay],
})
export class OutboxModule {}
