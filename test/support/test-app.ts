import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { Clock, FixedClock } from '../../src/shared/time/clock';
import { installContractCheck } from './openapi-contract';
import { applyTestEnv } from './test-env';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  clock: FixedClock;
  dataSource: DataSource;
  close(): Promise<void>;
}

export const TEST_START = new Date('2026-01-05T09:00:00.000Z');

/** The whole application over HTTP, on the shared test database, with a fixed clock. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  applyTestEnv(env);
  const clock = new FixedClock(TEST_START);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(clock)
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
