import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { queueConfig } from '../../src/config/configuration';
import { QueueSettings } from '../../src/shared/queue/queue.settings';
import { Clock, FixedClock } from '../../src/shared/time/clock';
import { TEST_START, TestApp } from './test-app';
import { installContractCheck } from './openapi-contract';
import { applyTestEnv } from './test-env';

/**
 * createTestApp for the job and queue tests: the whole application, a fixed clock, and a queue
 * of its own (the embedded queue table is shared by every test file on the database), with the
 * given queue settings and environment.
 */
export async function createJobsTestApp(
  settings: Partial<QueueSettings> = {},
  env: Record<string, string> = {},
): Promise<TestApp> {
  applyTestEnv({ DATABASE_POOL_SIZE: '8', ...env });
  const clock = new FixedClock(TEST_START);
  const queue: QueueSettings = {
    ...QueueSettings.from(queueConfig()),
    queueName: `test-jobs-${randomUUID()}`,
    pollIntervalMs: 0,
    ...settings,
  };
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(QueueSettings)
    .useValue(queue)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false });
  installContractCheck(app);
  configureApp(app);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    dataSource: app.get(DataSource),
    close: () => app.close(),
  };
}
