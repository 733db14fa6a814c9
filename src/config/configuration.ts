import { ConfigType, registerAs } from '@nestjs/config';
import * as path from 'node:path';
import { dataDir as dataDirOf } from './data-dir';

export const DEV_JWT_SECRET = 'development-only-secret-change-me';

/** PEM text from an environment variable, where newlines may be written as `\\n`. */
export function pemFromEnv(value: string | undefined): string | undefined {
  return value?.replace(/\\n/g, '\n');
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return value === 'true' || value === '1';
}

export const appConfig = registerAs('app', () => {
  const dataDir = dataDirOf(process.env);
  const env = process.env.NODE_ENV ?? 'development';
  return {
    env,
    port: Number(process.env.PORT ?? 3000),
    dataDir,
    logLevel: process.env.LOG_LEVEL ?? 'info',
    maxJsonBytes: Number(process.env.MAX_JSON_BYTES ?? 1048576),
    demoData: bool(process.env.DEMO_DATA, !process.env.DATABASE_URL),
    headersTimeoutMs: Number(process.env.HTTP_HEADERS_TIMEOUT_MS ?? 20_000),
    requestTimeoutMs: Number(process.env.HTTP_REQUEST_TIMEOUT_MS ?? 300_000),
    keepAliveTimeoutMs: Number(process.env.HTTP_KEEP_ALIVE_TIMEOUT_MS ?? 5_000),
    /** Empty: no CORS headers at all (browsers on other origins are refused). */
    corsOrigins: list(process.env.CORS_ORIGINS),
    /** Swagger UI and the OpenAPI document; off in production unless asked for. */
    docsEnabled: bool(process.env.DOCS_ENABLED, env !== 'production'),
    /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
    metricsToken: process.env.METRICS_TOKEN || undefined,
  };
});

export const databaseConfig = registerAs('database', () => ({
  url: process.env.DATABASE_URL || undefined,
  dataDir: dataDirOf(process.env),
  poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
}));

export const authConfig = registerAs('auth', () => ({
  secret: process.env.JWT_SECRET ?? DEV_JWT_SECRET,
  usingDevSecret: !process.env.JWT_SECRET,
  /** Whether this service may mint (and accept) its own HS256 tokens: never on the dev secret in production. */
  selfSigned: !!process.env.JWT_SECRET || process.env.NODE_ENV !== 'production',
  publicKey: pemFromEnv(process.env.JWT_PUBLIC_KEY),
  issuer: process.env.JWT_ISSUER || undefined,
  audience: process.env.JWT_AUDIENCE || undefined,
  tokenTtlSeconds: Number(process.env.TOKEN_TTL_SECONDS ?? 3600),
  tokenRequestsPerMinute: Number(process.env.TOKEN_RATE_LIMIT ?? 30),
}));

export const jobsConfig = registerAs('jobs', () => ({
  enabled: bool(process.env.JOBS_ENABLED, true),
  slaCheckCron: process.env.SLA_CHECK_CRON ?? '*/5 * * * *',
  dueDateCheckCron: process.env.DUE_DATE_CHECK_CRON ?? '*/15 * * * *',
  dueDateCaseTypeIds: list(process.env.DUE_DATE_CASE_TYPE_IDS),
  autoCloseCron: process.env.AUTO_CLOSE_CRON ?? '0 * * * *',
  continueOnError: bool(process.env.JOBS_CONTINUE_ON_ERROR, true),
  runsRetentionDays: Number(process.env.JOB_RUNS_RETENTION_DAYS ?? 30),
}));

export const queueConfig = registerAs('queue', () => ({
  driver: (process.env.QUEUE_DRIVER ?? 'embedded') as 'embedded' | 'sqs',
  sqsQueueUrl: process.env.SQS_QUEUE_URL,
  sqsEndpoint: process.env.SQS_ENDPOINT,
  region: process.env.AWS_REGION ?? 'us-east-1',
  pollIntervalMs: Number(process.env.QUEUE_POLL_INTERVAL_MS ?? 1000),
  batchSize: Number(process.env.QUEUE_BATCH_SIZE ?? 10),
  visibilityTimeoutSeconds: Number(process.env.QUEUE_VISIBILITY_TIMEOUT_SECONDS ?? 60),
  maxAttempts: Number(process.env.QUEUE_MAX_ATTEMPTS ?? 5),
  retryBaseSeconds: Number(process.env.QUEUE_RETRY_BASE_SECONDS ?? 10),
  /** Independent of JOBS_ENABLED: an external scheduler's messages still need a consumer. */
  consumersEnabled: bool(process.env.QUEUE_CONSUMERS_ENABLED, true),
}));

export const outboxConfig = registerAs('outbox', () => ({
  relayEnabled: bool(process.env.OUTBOX_RELAY_ENABLED, true),
  pollIntervalMs: Number(process.env.OUTBOX_POLL_INTERVAL_MS ?? 1000),
  wakeDelayMs: Number(process.env.OUTBOX_WAKE_DELAY_MS ?? 50),
  batchSize: Number(process.env.OUTBOX_BATCH_SIZE ?? 100),
  leaseSeconds: Number(process.env.OUTBOX_LEASE_SECONDS ?? 60),
  retryBaseMs: Number(process.env.OUTBOX_RETRY_BASE_MS ?? 1000),
  retentionHours: Number(process.env.OUTBOX_RETENTION_HOURS ?? 168),
}));

export const storageConfig = registerAs('storage', () => ({
  driver: (process.env.STORAGE_DRIVER ?? 'local') as 'local' | 's3',
  dir: path.resolve(
    process.env.STORAGE_DIR ?? path.join(process.env.DATA_DIR ?? './data', 'files'),
  ),
  s3Bucket: process.env.S3_BUCKET,
  s3Endpoint: process.env.S3_ENDPOINT,
  region: process.env.AWS_REGION ?? 'us-east-1',
  maxUploadBytes: Number(process.env.MAX_UPLOAD_BYTES ?? 26214400),
}));

export const notificationConfig = registerAs('notification', () => ({
  smtpUrl: process.env.SMTP_URL || undefined,
}));

export const webhooksConfig = registerAs('webhooks', () => ({
  allowPrivateUrls: bool(process.env.WEBHOOK_ALLOW_PRIVATE_URLS, false),
  /** Encrypts the stored signing secrets; derived from JWT_SECRET when unset. */
  secretKey: process.env.WEBHOOK_SECRET_KEY || undefined,
  timeoutMs: Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000),
  retryBaseMs: Number(process.env.WEBHOOK_RETRY_BASE_MS ?? 10_000),
  retryMaxMs: Number(process.env.WEBHOOK_RETRY_MAX_MS ?? 3_600_000),
  disableAfterFailures: Number(process.env.WEBHOOK_DISABLE_AFTER_FAILURES ?? 10),
  disableAfterHours: Number(process.env.WEBHOOK_DISABLE_AFTER_HOURS ?? 24),
  adminGroup: process.env.WEBHOOK_ADMIN_GROUP ?? 'webhook-admins',
  concurrency: Number(process.env.WEBHOOK_CONCURRENCY ?? 32),
  feedRetentionDays: Number(process.env.EVENT_FEED_RETENTION_DAYS ?? 30),
  streamPollMs: Number(process.env.EVENT_STREAM_POLL_MS ?? 1000),
  streamHeartbeatMs: Number(process.env.EVENT_STREAM_HEARTBEAT_MS ?? 15_000),
  streamMaxSeconds: Number(process.env.EVENT_STREAM_MAX_SECONDS ?? 3600),
}));

export const allConfig = [
  appConfig,
  databaseConfig,
  authConfig,
  jobsConfig,
  queueConfig,
  outboxConfig,
  storageConfig,
  notificationConfig,
  webhooksConfig,
];

export type AppConfig = ConfigType<typeof appConfig>;
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
export type AuthConfig = ConfigType<typeof authConfig>;
export type JobsConfig = ConfigType<typeof jobsConfig>;
export type QueueConfig = ConfigType<typeof queueConfig>;
export type OutboxConfig = ConfigType<typeof outboxConfig>;
export type StorageConfig = ConfigType<typeof storageConfig>;
export type NotificationConfig = ConfigType<typeof notificationConfig>;
export type WebhooksConfig = ConfigType<typeof webhooksConfig>;
