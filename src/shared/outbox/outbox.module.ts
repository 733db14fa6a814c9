import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OutboxConfig, outboxConfig } from '../../config/configuration';
import { OperationsModule } from '../operations/operations.module';
import { OutboxDeliveryStore } from './outbox-delivery.store';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxRelay } from './outbox-relay';
import { OutboxRelaySettings } from './outbox-relay.settings';
import { EventBusTap } from './taps/event-bus.tap';
import { EventMetricsTap } from './taps/event-metrics.tap';

const taps = [EventBusTap, EventMetricsTap];

/**
 * The outbox relay. Outbox (the writer) lives in DatabaseModule beside the transactions it joins;
 * a feature module subscribes by providing an OutboxSubscriber (or, for in-process observers that
 * write nothing, an OutboxTap), found here by discovery.
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
    ...taps,
  ],
  exports: [OutboxRelay],
})
export class OutboxModule {}
