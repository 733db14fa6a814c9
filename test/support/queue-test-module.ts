import { ConfigModule } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { allConfig, queueConfig } from '../../src/config/configuration';
import { validateEnv } from '../../src/config/env.validation';
import { DatabaseModule } from '../../src/shared/database/database.module';
import { TransactionManager } from '../../src/shared/database/transaction-manager';
import { MessageQueue } from '../../src/shared/queue/message-queue';
import { QueueHandlerRegistry } from '../../src/shared/queue/queue-handler.registry';
import { QueueModule } from '../../src/shared/queue/queue.module';
import { QueueSettings } from '../../src/shared/queue/queue.settings';
import { Clock, FixedClock } from '../../src/shared/time/clock';
import { ClockModule } from '../../src/shared/time/clock.module';
import { TEST_START } from './test-app';
import { applyTestEnv } from './test-env';

export interface QueueTestModule {
  moduleRef: TestingModule;
  clock: FixedClock;
  tx: TransactionManager;
  queue: MessageQueue;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The queue and the database only (no HTTP), with a fixed clock and the given queue settings.
 * `register` runs before the module initializes, as a consumer's onModuleInit would.
 */
export async function createQueueTestModule(
  settings: Partial<QueueSettings>,
  register: (handlers: QueueHandlerRegistry) => void = () => undefined,
  env: Record<string, string> = {},
): Promise<QueueTestModule> {
  applyTestEnv(env);
  const clock = new FixedClock(TEST_START);
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot({ isGlobal: true, load: allConfig, validate: validateEnv }),
      CqrsModule.forRoot(),
      ClockModule,
      DatabaseModule,
      QueueModule,
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(QueueSettings)
    .useValue({ ...QueueSettings.from(queueConfig()), ...settings })
    .compile();
  if (!process.env.QUEUE_TEST_LOGS) moduleRef.useLogger(false);
  register(moduleRef.get(QueueHandlerRegistry));
  await moduleRef.init();
  return {
    moduleRef,
    clock,
    tx: moduleRef.get(TransactionManager),
    queue: moduleRef.get(MessageQueue),
    dataSource: moduleRef.get(DataSource),
    close: () => moduleRef.close(),
  };
}

export function advance(clock: FixedClock, ms: number): void {
  clock.set(new Date(clock.now().getTime() + ms));
}

/** Retries `check` (an assertion) until it passes or `timeoutMs` of real time has gone by. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
