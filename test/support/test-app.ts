import { Type } from '@nestjs/common';
import { AppModule } from '../../src/app.module';
import { QueueSettings } from '../../src/shared/queue/queue.settings';
import { createHttpTestModule, TEST_START, TestApp } from './test-module';

export { TEST_START, TestApp };

export interface TestAppOptions {
  /** Over the settings of the app's own queue (its name is unique: the queue table is shared). */
  queue?: Partial<QueueSettings>;
  /** Another root module than AppModule (e.g. the same modules in another order). */
  root?: Type;
}

/**
 * The one app factory: the whole application over HTTP (configureApp, the OpenAPI contract
 * check), on the shared test database, with a fixed clock and a queue of its own. `env` goes over
 * applyTestEnv's defaults. Tests of one module build less: createTestModule (test-module.ts).
 */
export function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  return createHttpTestModule([], { env, queue: options.queue, root: options.root ?? AppModule });
}
