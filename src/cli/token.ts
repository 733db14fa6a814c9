import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { authConfig } from '../config/configuration';
import { ALL_PERMISSIONS } from '../shared/auth/permission.enum';
import { signToken } from '../shared/auth/token-signer';

/** `npm run token -- --permissions CASE_ALL [--client demo] [--user alice] [--groups g1,g2] [--ttl 3600]` */
function main(): void {
  const { values } = parseArgs({
    options: {
      permissions: { type: 'string', default: 'CASE_ALL' },
      client: { type: 'string', default: 'demo' },
      user: { type: 'string', default: 'demo-admin' },
      groups: { type: 'string', default: '' },
      name: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  const permissions = values.permissions
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = permissions.filter((p) => !(ALL_PERMISSIONS as string[]).includes(p));
  if (unknown.length) throw new Error(`unknown permissions: ${unknown.join(', ')}`);
  // Same sources as the service: the environment, then a .env file in the working directory.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = authConfig();
  if (config.publicKey) {
    throw new Error(
      'JWT_PUBLIC_KEY is set: the service accepts user tokens from that identity provider only',
    );
  }
  if (!config.selfSigned) throw new Error('NODE_ENV=production needs JWT_SECRET to sign tokens');
  const token = signToken(
    config,
    {
      sub: values.user,
      client_id: values.client,
      permissions,
      groups: values.groups
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
      ...(values.name ? { name: values.name } : {}),
    },
    values.ttl ? Number(values.ttl) : undefined,
  );
  process.stdout.write(`${token}\n`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
