import { INestApplication, Type } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { QueueSettings } from '../../src/shared/queue/queue.settings';
import { FixedClock } from '../../src/shared/time/clock';
import { createTestModule, TEST_START } from './test-module';

export { TEST_START };

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  clock: FixedClock;
  dataSource: DataSource;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Over the settings of the app's own queue (its name is unique: the queue table is shared). */
  queue?: Partial<QueueSettings>;
  /** Another root module than AppModule (e.g. the same modules in another order). */
  root?: Type;
}

/**
 * The one app factory: the whole application over HTTP (configureApp, the OpenAPI contract
 * check), on the shared test database, with a fixed clock and a queue of its own. `env` goes over
 * applyTestEnv's defaults.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const root = options.root ?? AppModule;
  const { app, clock, dataSource, close } = await createTestModule([], {
    env,
    queue: options.queue,
    http: true,
    root,
  });
  return { app: app!, http: request(app!.getHttpServer()), clock, dataSource, close };
}
