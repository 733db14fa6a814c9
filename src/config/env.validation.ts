import * as Joi from 'joi';
import { createPublicKey, KeyObject } from 'node:crypto';
import { DEV_JWT_SECRET, pemFromEnv } from './configuration';

const MIN_SECRET_BYTES = 32;
const MIN_DISTINCT_CHARACTERS = 10;
/** Words of the examples and templates people copy; no generated secret contains them. */
const PLACEHOLDERS =
  /change[-_ ]?me|replace[-_ ]?me|your[-_ ]?secret|placeholder|example|secret[-_ ]?key|password/i;

/** A production HS256 key anyone could guess is no key: refuse repeats, tiny alphabets, templates. */
function strongSecret(value: string, helpers: Joi.CustomHelpers): string | Joi.ErrorReport {
  // Too short or the development default: already reported by their own rule.
  if (Buffer.byteLength(value) < MIN_SECRET_BYTES || value === DEV_JWT_SECRET) return value;
  const distinct = new Set(value).size;
  if (distinct < MIN_DISTINCT_CHARACTERS) {
    return helpers.error('secret.weak', {
      reason: `only ${distinct} distinct characters (at least ${MIN_DISTINCT_CHARACTERS}); use a random value`,
    });
  }
  if (PLACEHOLDERS.test(value)) {
    return helpers.error('secret.weak', {
      reason: 'it looks like a placeholder; use a random value',
    });
  }
  return value;
}

/** JWT_PUBLIC_KEY must parse now, not at the first token: an RSA (2048+ bits) or P-256 public key. */
function verificationKey(value: string, helpers: Joi.CustomHelpers): string | Joi.ErrorReport {
  const pem = pemFromEnv(value) ?? '';
  if (/PRIVATE KEY/.test(pem)) {
    return helpers.error('key.invalid', {
      reason: 'holds a private key; give the public key only',
    });
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    return helpers.error('key.invalid', {
      reason: `is not a PEM public key (${(error as Error).message})`,
    });
  }
  const details = key.asymmetricKeyDetails ?? {};
  const rsa = key.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= 2048;
  const p256 = key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1';
  if (!rsa && !p256) {
    return helpers.error('key.invalid', {
      reason: 'must be an RSA key of at least 2048 bits (RS256) or a P-256 key (ES256)',
    });
  }
  return value;
}

const cron = Joi.string().pattern(/^(\S+\s+){4,5}\S+$/, 'cron expression');
const uuid = '[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}';
/** Comma-separated UUIDs (DUE_DATE_CASE_TYPE_IDS). */
const uuidList = new RegExp(`^\\s*${uuid}\\s*(,\\s*${uuid}\\s*)*$`, 'i');

export const envSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  DATA_DIR: Joi.string().default('./data'),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .optional(),
  DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(200).default(10),
  JWT_SECRET: Joi.string()
    .min(MIN_SECRET_BYTES, 'utf8')
    .when('NODE_ENV', {
      is: 'production',
      then: Joi.string().invalid(DEV_JWT_SECRET).custom(strongSecret).when('JWT_PUBLIC_KEY', {
        is: Joi.exist(),
        then: Joi.optional(),
        otherwise: Joi.required(),
      }),
      otherwise: Joi.optional(),
    })
    .messages({
      'string.min': `"JWT_SECRET" must be at least ${MIN_SECRET_BYTES} bytes (e.g. openssl rand -base64 48)`,
      'any.required': '"JWT_SECRET" is required in production (or JWT_PUBLIC_KEY)',
      'any.invalid': '"JWT_SECRET" must not be the development default in production',
      'secret.weak': '"JWT_SECRET" is too weak for production: {#reason}',
    }),
  JWT_PUBLIC_KEY: Joi.string()
    .custom(verificationKey)
    .optional()
    .messages({ 'key.invalid': '"JWT_PUBLIC_KEY" {#reason}' }),
  JWT_ISSUER: Joi.string().optional(),
  JWT_AUDIENCE: Joi.string().optional(),
  TOKEN_TTL_SECONDS: Joi.number().integer().min(60).max(86400).default(3600),
  TOKEN_RATE_LIMIT: Joi.number().integer().min(1).default(30),
  JOBS_ENABLED: Joi.boolean().default(true),
  SLA_CHECK_CRON: cron.default('*/5 * * * *'),
  DUE_DATE_CHECK_CRON: cron.default('*/15 * * * *'),
  DUE_DATE_CASE_TYPE_IDS: Joi.string().allow('').pattern(uuidList, 'UUID list').default(''),
  AUTO_CLOSE_CRON: cron.default('0 * * * *'),
  JOBS_CONTINUE_ON_ERROR: Joi.boolean().default(true),
  JOB_RUNS_RETENTION_DAYS: Joi.number().integer().min(1).default(30),
  QUEUE_CONSUMERS_ENABLED: Joi.boolean().default(true),
  QUEUE_DRIVER: Joi.string().valid('embedded', 'sqs').default('embedded'),
  SQS_QUEUE_URL: Joi.string().uri().when('QUEUE_DRIVER', { is: 'sqs', then: Joi.required() }),
  SQS_ENDPOINT: Joi.string().uri().optional(),
  AWS_REGION: Joi.string().default('us-east-1'),
  QUEUE_POLL_INTERVAL_MS: Joi.number().integer().min(50).default(1000),
  QUEUE_BATCH_SIZE: Joi.number().integer().min(1).max(10).default(10),
  QUEUE_VISIBILITY_TIMEOUT_SECONDS: Joi.number().integer().min(1).max(43200).default(60),
  QUEUE_MAX_ATTEMPTS: Joi.number().integer().min(1).max(100).default(5),
  QUEUE_RETRY_BASE_SECONDS: Joi.number().integer().min(1).max(3600).default(10),
  OUTBOX_RELAY_ENABLED: Joi.boolean().default(true),
  OUTBOX_POLL_INTERVAL_MS: Joi.number().integer().min(10).default(1000),
  OUTBOX_WAKE_DELAY_MS: Joi.number().integer().min(0).max(10000).default(50),
  OUTBOX_BATCH_SIZE: Joi.number().integer().min(1).max(1000).default(100),
  OUTBOX_LEASE_SECONDS: Joi.number().integer().min(1).max(3600).default(60),
  OUTBOX_RETRY_BASE_MS: Joi.number().integer().min(10).max(3600000).default(1000),
  OUTBOX_RETENTION_HOURS: Joi.number().integer().min(1).default(168),
  WEBHOOK_ALLOW_PRIVATE_URLS: Joi.boolean().default(false),
  WEBHOOK_SECRET_KEY: Joi.string().min(32),
  WEBHOOK_TIMEOUT_MS: Joi.number().integer().min(100).max(60000).default(10000),
  WEBHOOK_RETRY_BASE_MS: Joi.number().integer().min(10).max(3600000).default(10000),
  WEBHOOK_RETRY_MAX_MS: Joi.number().integer().min(10).max(86400000).default(3600000),
  WEBHOOK_DISABLE_AFTER_FAILURES: Joi.number().integer().min(1).default(10),
  WEBHOOK_DISABLE_AFTER_HOURS: Joi.number().min(0).default(24),
  WEBHOOK_ADMIN_GROUP: Joi.string().min(1).max(200).default('webhook-admins'),
  WEBHOOK_CONCURRENCY: Joi.number().integer().min(1).max(256).default(32),
  EVENT_FEED_RETENTION_DAYS: Joi.number().integer().min(1).default(30),
  EVENT_STREAM_POLL_MS: Joi.number().integer().min(10).default(1000),
  EVENT_STREAM_HEARTBEAT_MS: Joi.number().integer().min(100).default(15000),
  EVENT_STREAM_MAX_SECONDS: Joi.number().integer().min(0).max(86400).default(3600),
  STORAGE_DRIVER: Joi.string().valid('local', 's3').default('local'),
  STORAGE_DIR: Joi.string().optional(),
  S3_BUCKET: Joi.string().when('STORAGE_DRIVER', { is: 's3', then: Joi.required() }),
  S3_ENDPOINT: Joi.string().uri().optional(),
  MAX_UPLOAD_BYTES: Joi.number().integer().min(1).default(26214400),
  MAX_JSON_BYTES: Joi.number().integer().min(1024).default(1048576),
  SMTP_URL: Joi.string()
    .uri({ scheme: ['smtp', 'smtps'] })
    .optional(),
  LOG_LEVEL: Joi.string()
    .valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent')
    .default('info'),
  DEMO_DATA: Joi.boolean().optional(),
  HTTP_HEADERS_TIMEOUT_MS: Joi.number().integer().min(100).max(600_000).default(20_000),
  HTTP_REQUEST_TIMEOUT_MS: Joi.number()
    .integer()
    .min(Joi.ref('HTTP_HEADERS_TIMEOUT_MS'))
    .max(3_600_000)
    .default(300_000),
  CORS_ORIGINS: Joi.string()
    .allow('')
    .pattern(/^\s*(\*|https?:\/\/[^\s,/]+)\s*(,\s*(https?:\/\/[^\s,/]+)\s*)*$/, 'origin list')
    .optional(),
  DOCS_ENABLED: Joi.boolean().optional(),
  METRICS_TOKEN: Joi.string().min(16).optional(),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: Joi.number().integer().min(100).max(600_000).default(5_000),
});

export function validateEnv(raw: Record<string, unknown>): Record<string, unknown> {
  const { error, value } = envSchema.validate(raw, {
    allowUnknown: true,
    abortEarly: false,
    convert: true,
  });
  if (error) {
    const lines = error.details.map((d) => `  - ${d.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return value as Record<string, unknown>;
}
