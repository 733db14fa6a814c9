import { generateKeyPairSync } from 'node:crypto';
import { TEST_JWT_SECRET } from '../../test/support/test-env';
import { DEV_JWT_SECRET } from './configuration';
import { validateEnv } from './env.validation';

const STRONG = 'kR4v9q-Zt2xLw8Hn0bYc5Jm7Ud3Fs1Ga6Pe';
const pem = { type: 'spki', format: 'pem' } as const;
const privatePem = { type: 'pkcs8', format: 'pem' } as const;
const rsaPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keys = {
  rsa: rsaPair.publicKey.export(pem).toString(),
  rsaPrivate: rsaPair.privateKey.export(privatePem).toString(),
  rsa1024: generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export(pem).toString(),
  p256: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export(pem).toString(),
  p384: generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export(pem).toString(),
};

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
    ['JWT_SECRET', 'too-short', /"JWT_SECRET" must be at least 32 bytes/],
    ['JWT_SECRET', 'x'.repeat(31), /"JWT_SECRET" must be at least 32 bytes/],
    ['JWT_PUBLIC_KEY', '-----BEGIN PUBLIC KEY-----', /"JWT_PUBLIC_KEY" is not a PEM public key/],
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
    expect(problems({ NODE_ENV: 'production', JWT_SECRET: STRONG })).toEqual([]);
    expect(problems({ NODE_ENV: 'production', JWT_PUBLIC_KEY: keys.rsa })).toEqual([]);
    expect(problems({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('in production, refuses a secret anyone could guess, saying why', () => {
    const weak = (secret: string) => problems({ NODE_ENV: 'production', JWT_SECRET: secret });
    expect(weak('a'.repeat(64))).toEqual([
      '"JWT_SECRET" is too weak for production: only 1 distinct characters (at least 10); use a random value',
    ]);
    expect(weak('abcabcabcabcabcabcabcabcabcabcabcabc')[0]).toMatch(/only 3 distinct characters/);
    expect(weak('0123456780123456780123456780123456')[0]).toMatch(/only 9 distinct/);
    expect(weak('please-change-me-to-a-random-value-1234')[0]).toMatch(/placeholder/);
    expect(weak('my-super-secret-key-for-production-42')[0]).toMatch(/placeholder/);
    expect(weak('x'.repeat(20))).toEqual([
      '"JWT_SECRET" must be at least 32 bytes (e.g. openssl rand -base64 48)',
    ]);
    // Outside production the length rule alone applies (test and development secrets).
    expect(problems({ NODE_ENV: 'test', JWT_SECRET: 'a'.repeat(32) })).toEqual([]);
    expect(problems({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET })).toEqual([]);
    expect(DEV_JWT_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('parses JWT_PUBLIC_KEY at start: an RSA 2048+ or P-256 public key, \\n escapes allowed', () => {
    const key = (value: string) => problems({ JWT_PUBLIC_KEY: value });
    expect(key(keys.rsa)).toEqual([]);
    expect(key(keys.rsa.replace(/\n/g, '\\n'))).toEqual([]);
    expect(key(keys.p256)).toEqual([]);
    expect(key('not a key')[0]).toMatch(/^"JWT_PUBLIC_KEY" is not a PEM public key \(/);
    // A whole base64 line gone: the DER lengths no longer add up, whatever the key's bytes.
    expect(key(keys.rsa.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n'))[0]).toMatch(/not a PEM public key/);
    expect(key(keys.rsaPrivate)).toEqual([
      '"JWT_PUBLIC_KEY" holds a private key; give the public key only',
    ]);
    expect(key(keys.rsa1024)[0]).toMatch(/RSA key of at least 2048 bits .* P-256/);
    expect(key(keys.p384)[0]).toMatch(/P-256/);
  });

  it('ignores variables it does not know', () => {
    expect(problems({ HOME: '/root', SOMETHING_ELSE: 'x' })).toEqual([]);
  });
});
