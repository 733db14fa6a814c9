import * as Joi from 'joi';
import { DEV_JWT_SECRET } from './configuration';

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
    .min(16)
    .when('NODE_ENV', {
      is: 'production',
      then: Joi.string().invalid(DEV_JWT_SECRET).when('JWT_PUBLIC_KEY', {
        is: Joi.exist(),
        then: Joi.optional(),
        otherwise: Joi.required(),
      }),
      otherwise: Joi.optional(),
    })
    .messages({
      'any.required': '"JWT_SECRET" is required in production (or JWT_PUBLIC_KEY)',
      'any.invalid': '"JWT_SECRET" must not be the development default in production',
    }),
  JWT_PUBLIC_KEY: Joi.string().optional(),
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
  OUTBOX_BATCH_SIZE: Joi.number().integer().min(1).max(1000).default(100),
  OUTBOX_LEASE_SECONDS: Joi.number().integer().min(1).max(3600).default(60),
  OUTBOX_RETRY_BASE_MS: Joi.number().integer().min(10).max(3600000).default(1000),
  OUTBOX_RETENTION_HOURS: Joi.number().integer().min(1).default(168),
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
