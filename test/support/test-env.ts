import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

/**
 * Environment for an app under test: the shared test database, no jobs or consumers, no outbox
 * relay (it serves every tenant: it would deliver, publish and purge other test files' events;
 * its own specs run it on a private database), quiet logs.
 */
export function applyTestEnv(overrides: Record<string, string> = {}): void {
  const url = process.env.CMS_TEST_DATABASE_URL;
  if (!url)
    throw new Error('CMS_TEST_DATABASE_URL is not set: run tests through jest (global setup)');
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '4',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cms-test-')),
    JWT_SECRET: TEST_JWT_SECRET,
    JOBS_ENABLED: 'false',
    // Consumers run regardless of JOBS_ENABLED; tests drive them by hand (drain, pollOnce).
    QUEUE_CONSUMERS_ENABLED: 'false',
    OUTBOX_RELAY_ENABLED: 'false',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    TOKEN_RATE_LIMIT: '1000',
    ...overrides,
  });
}

/** Every test file works in tenants of its own, so files never see each other's rows. */
export function newTenant(): string {
  return `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}
