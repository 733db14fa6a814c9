import { DEV_JWT_SECRET } from './configuration';
import { validateEnv } from './env.validation';

function problems(env: Record<string, string>): string[] {
  try {
    validateEnv(env);
  } catch (error) {
    const [head, ...lines] = (error as Error).message.split('\n');
    expect(head).toBe('Invalid configuration:');
    return lines.map((l) => l.replace(/^ {2}- /, ''));
  }
  return [];
}

describe('validateEnv', () => {
  it('accepts an empty environment and fills in the documented defaults', () => {
    const value = validateEnv({});
    expect(value).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATA_DIR: './data',
      DATABASE_POOL_SIZE: 10,
      TOKEN_TTL_SECONDS: 3600,
      TOKEN_RATE_LIMIT: 30,
      JOBS_ENABLED: true,
      SLA_CHECK_CRON: '*/5 * * * *',
      DUE_DATE_CHECK_CRON: '*/15 * * * *',
      AUTO_CLOSE_CRON: '0 * * * *',
      JOBS_CONTINUE_ON_ERROR: true,
      QUEUE_DRIVER: 'embedded',
      STORAGE_DRIVER: 'local',
      MAX_UPLOAD_BYTES: 26214400,
      MAX_JSON_BYTES: 1048576,
      LOG_LEVEL: 'info',
    });
  });

  it('converts numbers and booleans from their text', () => {
    expect(validateEnv({ PORT: '8080', JOBS_ENABLED: 'false' })).toMatchObject({
      PORT: 8080,
      JOBS_ENABLED: false,
    });
  });

  it('lists every problem at once, each naming its variable', () => {
    expect(problems({ PORT: 'abc', QUEUE_DRIVER: 'rabbitmq', NODE_ENV: 'production' })).toEqual([
      '"PORT" must be a number',
      '"JWT_SECRET" is required in production (or JWT_PUBLIC_KEY)',
      '"QUEUE_DRIVER" must be one of [embedded, sqs]',
    ]);
  });

  it.each([
    ['PORT', '70000', /"PORT" must be a valid port/],
    ['PORT', '-1', /"PORT" must be a valid port/],
    ['QUEUE_DRIVER', 'kafka', /"QUEUE_DRIVER" must be one of/],
    ['STORAGE_DRIVER', 'ftp', /"STORAGE_DRIVER" must be one of/],
    ['DATABASE_URL', 'mysql://db/x', /"DATABASE_URL" must be a valid uri/],
    ['DATABASE_POOL_SIZE', '0', /"DATABASE_POOL_SIZE" must be greater than or equal to 1/],
    ['SLA_CHECK_CRON', 'every five minutes', /"SLA_CHECK_CRON" .* cron expression/],
    ['JOBS_ENABLED', 'maybe', /"JOBS_ENABLED" must be a boolean/],
    ['LOG_LEVEL', 'verbose', /"LOG_LEVEL" must be one of/],
    ['MAX_JSON_BYTES', '10', /"MAX_JSON_BYTES" must be greater than or equal to 1024/],
    ['TOKEN_TTL_SECONDS', '10', /"TOKEN_TTL_SECONDS" must be greater than or equal to 60/],
    ['JWT_SECRET', 'too-short', /"JWT_SECRET" length must be at least 16/],
  ])('%s=%s is refused', (name, value, message) => {
    const found = problems({ [name]: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('needs the settings of the chosen drivers', () => {
    expect(problems({ QUEUE_DRIVER: 'sqs' })).toEqual(['"SQS_QUEUE_URL" is required']);
    expect(problems({ STORAGE_DRIVER: 's3' })).toEqual(['"S3_BUCKET" is required']);
    expect(
      problems({
        QUEUE_DRIVER: 'sqs',
        SQS_QUEUE_URL: 'http://localhost:9324/q',
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'b',
      }),
    ).toEqual([]);
  });

  it('in production, needs a real JWT_SECRET or a JWT_PUBLIC_KEY', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      '"JWT_SECRET" is required in production (or JWT_PUBLIC_KEY)',
    ]);
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toEqual([
      '"JWT_SECRET" must not be the development default in production',
    ]);
    expect(
      problems({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-of-some-length' }),
    ).toEqual([]);
    expect(
      problems({ NODE_ENV: 'production', JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----' }),
    ).toEqual([]);
    expect(problems({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('ignores variables it does not know', () => {
    expect(problems({ HOME: '/root', SOMETHING_ELSE: 'x' })).toEqual([]);
  });
});
