import { Abstract, INestApplication, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { KERNEL_MODULES } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { allConfig, queueConfig } from '../../src/config/configuration';
import { validateEnv } from '../../src/config/env.validation';
import { ActivityModule } from '../../src/modules/activity';
import { CasesModule } from '../../src/modules/cases';
import { OutboxModule } from '../../src/shared/outbox/outbox.module';
import { ExpressHttpAdapter } from '../../src/shared/http/express-http-adapter';
import { IdempotencyModule } from '../../src/shared/http/idempotency.module';
import { StorageModule } from '../../src/shared/storage/storage.module';
import { AuthModule } from '../../src/modules/auth';
import { DirectoryModule } from '../../src/modules/directory';
import { DatabaseModule } from '../../src/shared/database/database.module';
import { NotificationsModule } from '../../src/shared/notifications/notifications.module';
import { QueueModule } from '../../src/shared/queue/queue.module';
import { QueueSettings } from '../../src/shared/queue/queue.settings';
import { Clock, FixedClock } from '../../src/shared/time/clock';
import { ClockModule } from '../../src/shared/time/clock.module';
import { installContractCheck } from './openapi-contract';
import { applyTestEnv } from './test-env';

export const TEST_START = new Date('2026-01-05T09:00:00.000Z');

type Import = NonNullable<ModuleMetadata['imports']>[number];

/** Without HTTP: configuration, CQRS, the (fixed) clock and the database. */
const BARE_KERNEL: Import[] = [
  ConfigModule.forRoot({ isGlobal: true, load: allConfig, validate: validateEnv }),
  CqrsModule.forRoot(),
  ClockModule,
  DatabaseModule,
  // A module's POST routes instantiate the IdempotencyInterceptor (post.decorator.ts), even unserved.
  IdempotencyModule,
];

export interface TestModuleOptions {
  /** Environment over applyTestEnv's (the shared test database, no jobs, consumers or relay). */
  env?: Record<string, string>;
  /** Over the settings of the queue of its own every test module gets (the queue table is shared). */
  queue?: Partial<QueueSettings>;
  /** The application's HTTP kernel (logging, metrics, idempotency, storage, queue, notifications), the JWT and permission guards, configureApp and the contract check: `http` answers. */
  http?: boolean;
  providers?: Provider[];
  /** A root module that brings its own kernel (createTestApp: AppModule). */
  root?: Type;
}

export interface TestModule {
  moduleRef: TestingModule;
  /** Set when built with `http`. */
  app?: INestApplication;
  clock: FixedClock;
  dataSource: DataSource;
  get<T>(token: Type<T> | Abstract<T> | string | symbol): T;
  close(): Promise<void>;
}

/**
 * The named feature modules (with the modules they import) on the test kernel, the shared test
 * database and a fixed clock. Global infrastructure a feature needs without HTTP (QueueModule,
 * StorageModule, NotificationsModule) is named among `modules`.
 */
export async function createTestModule(
  modules: Import[],
  options: TestModuleOptions = {},
): Promise<TestModule> {
  applyTestEnv(options.env);
  const clock = new FixedClock(TEST_START);
  const kernel = options.http ? [...KERNEL_MODULES, DirectoryModule, AuthModule] : BARE_KERNEL;
  const imports = options.root ? [options.root, ...modules] : [...kernel, ...modules];
  const queue: QueueSettings = {
    ...QueueSettings.from(queueConfig()),
    queueName: `test-queue-${randomUUID()}`,
    pollIntervalMs: 0,
    ...options.queue,
  };
  const moduleRef = await Test.createTestingModule({
    imports: [...new Set(imports)],
    providers: options.providers ?? [],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(QueueSettings)
    .useValue(queue)
    .compile();
  if (!options.http) {
    if (process.env.LOG_LEVEL === 'silent') moduleRef.useLogger(false);
    await moduleRef.init();
    return built(moduleRef, clock, undefined);
  }
  const app = moduleRef.createNestApplication<NestExpressApplication>(new ExpressHttpAdapter(), {
    bodyParser: false,
  });
  installContractCheck(app);
  configureApp(app);
  await app.init();
  return built(moduleRef, clock, app);
}

function built(moduleRef: TestingModule, clock: FixedClock, app?: INestApplication): TestModule {
  const root = app ?? moduleRef;
  return {
    moduleRef,
    app,
    clock,
    dataSource: root.get(DataSource),
    get: (token) => root.get(token, { strict: false }),
    close: () => root.close(),
  };
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  clock: FixedClock;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** createTestModule with `http`, answering what the HTTP test builders take. */
export async function createHttpTestModule(
  modules: Import[],
  options: Omit<TestModuleOptions, 'http'> = {},
): Promise<TestApp> {
  const { app, clock, dataSource, close } = await createTestModule(modules, {
    ...options,
    http: true,
  });
  return { app: app!, http: request(app!.getHttpServer()), clock, dataSource, close };
}

/**
 * Notifications without HTTP: the queue they are sent through, the notifier and dispatcher, and
 * the directory recipients are resolved from (a module, which the kernel's own specs cannot import).
 */
export const NOTIFICATION_MODULES: Import[] = [QueueModule, NotificationsModule, DirectoryModule];

/**
 * The case write path without HTTP: the case commands and what their transaction and its
 * in-transaction subscribers need (storage for the definitions port, the outbox, the activity
 * log). A spec adds the modules it exercises beyond it (comments, sla, auto-close).
 */
export const CASE_PATH_MODULES: Import[] = [
  ...NOTIFICATION_MODULES,
  StorageModule,
  OutboxModule,
  ActivityModule,
  CasesModule,
];
