import { Provider } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { Test, TestingModule } from '@nestjs/testing';
import { allConfig, outboxConfig } from '../../src/config/configuration';
import { validateEnv } from '../../src/config/env.validation';
import { DatabaseModule } from '../../src/shared/database/database.module';
import { TransactionManager } from '../../src/shared/database/transaction-manager';
import { DomainEvent } from '../../src/shared/domain/domain-event';
import { Outbox } from '../../src/shared/outbox/outbox';
import { OutboxEvent } from '../../src/shared/outbox/outbox-event';
import { OutboxModule } from '../../src/shared/outbox/outbox.module';
import { OutboxRelay } from '../../src/shared/outbox/outbox-relay';
import { OutboxRelaySettings } from '../../src/shared/outbox/outbox-relay.settings';
import { OutboxSubscriber } from '../../src/shared/outbox/outbox-subscriber';
import { Clock, FixedClock } from '../../src/shared/time/clock';
import { ClockModule } from '../../src/shared/time/clock.module';
import { TEST_START } from './test-app';
import { applyTestEnv } from './test-env';

export interface RelayTestModule {
  moduleRef: TestingModule;
  clock: FixedClock;
  tx: TransactionManager;
  outbox: Outbox;
  relay: OutboxRelay;
  close(): Promise<void>;
}

/**
 * The database, the outbox and its relay (no HTTP) on `databaseUrl`, with a fixed clock, the given
 * subscribers besides the built-in ones, and the relay's loop off unless `settings` turn it on.
 */
export async function createRelayTestModule(
  databaseUrl: string,
  subscribers: OutboxSubscriber[],
  settings: Partial<OutboxRelaySettings> = {},
  providers: Provider[] = [],
): Promise<RelayTestModule> {
  applyTestEnv({ DATABASE_URL: databaseUrl });
  const clock = new FixedClock(TEST_START);
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({ isGlobal: true, load: allConfig, validate: validateEnv }),
      CqrsModule.forRoot(),
      ClockModule,
      DatabaseModule,
      OutboxModule,
    ],
    providers: [
      ...subscribers.map((s) => ({ provide: `test-subscriber:${s.name}`, useValue: s })),
      ...providers,
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(OutboxRelaySettings)
    .useValue({ ...OutboxRelaySettings.from(outboxConfig()), enabled: false, ...settings })
    .compile();
  if (!process.env.OUTBOX_TEST_LOGS) moduleRef.useLogger(false);
  await moduleRef.init();
  return {
    moduleRef,
    clock,
    tx: moduleRef.get(TransactionManager),
    outbox: moduleRef.get(Outbox),
    relay: moduleRef.get(OutboxRelay),
    close: () => moduleRef.close(),
  };
}

export class TestEvent extends DomainEvent {
  constructor(
    clientId: string,
    aggregateId: string,
    occurredAt: Date,
    readonly type = 'test.happened',
    private readonly data: Record<string, unknown> = {},
  ) {
    super(clientId, aggregateId, occurredAt);
  }

  payload(): Record<string, unknown> {
    return this.data;
  }
}

/** What a recording subscriber saw, in the order it saw it. */
export interface Seen {
  subscriber: string;
  instance: string;
  eventId: string;
  aggregateId: string;
  sequence: number;
  attempt: number;
}

/**
 * Records every delivery into `log`; `types` and `accepts` (on the payload) decide what it
 * receives, `fail` which deliveries throw.
 */
export class RecordingSubscriber extends OutboxSubscriber {
  constructor(
    readonly name: string,
    private readonly log: Seen[],
    private readonly options: {
      instance?: string;
      types?: string[];
      accepts?: (payload: Record<string, unknown>) => boolean;
      fail?: (seen: Seen) => boolean;
      delayMs?: number;
    } = {},
  ) {
    super();
  }

  override handles(type: string): boolean {
    return !this.options.types || this.options.types.includes(type);
  }

  override receives(event: OutboxEvent): boolean {
    return this.handles(event.type) && (this.options.accepts?.(event.payload) ?? true);
  }

  async handle(
    event: { id: string; aggregateId: string; sequence: number },
    { attempt }: { attempt: number },
  ) {
    const seen: Seen = {
      subscriber: this.name,
      instance: this.options.instance ?? 'one',
      eventId: event.id,
      aggregateId: event.aggregateId,
      sequence: event.sequence,
      attempt,
    };
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    if (this.options.fail?.(seen))
      throw new Error(`refused ${event.aggregateId}#${event.sequence}`);
    this.log.push(seen);
  }
}

/**
 * A RecordingSubscriber that also takes batches: each batch is recorded (its size in `batches`)
 * with attempt 0, unless `failBatch` refuses it, when the relay falls back to `handle`.
 */
export class BatchRecordingSubscriber extends RecordingSubscriber {
  readonly batches: number[] = [];

  constructor(
    name: string,
    private readonly sink: Seen[],
    private readonly batchOptions: {
      instance?: string;
      fail?: (seen: Seen) => boolean;
      failBatch?: (seen: Seen[]) => boolean;
    } = {},
  ) {
    super(name, sink, { instance: batchOptions.instance, fail: batchOptions.fail });
  }

  override async handleBatch(events: { id: string; aggregateId: string; sequence: number }[]) {
    const seen = events.map((e) => ({
      subscriber: this.name,
      instance: this.batchOptions.instance ?? 'one',
      eventId: e.id,
      aggregateId: e.aggregateId,
      sequence: e.sequence,
      attempt: 0,
    }));
    if (this.batchOptions.failBatch?.(seen)) throw new Error('batch refused');
    this.batches.push(seen.length);
    this.sink.push(...seen);
  }
}

/** Per aggregate, the sequences a subscriber handled, in the order it handled them. */
export function lanes(log: Seen[], subscriber: string): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const seen of log.filter((s) => s.subscriber === subscriber)) {
    result.set(seen.aggregateId, [...(result.get(seen.aggregateId) ?? []), seen.sequence]);
  }
  return result;
}

export function oneToN(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
