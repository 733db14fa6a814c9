import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { authConfig } from '../config/configuration';
import { ALL_PERMISSIONS } from '../shared/auth/permission.enum';
import { signToken } from '../shared/auth/token-signer';

export const USAGE = `Usage: npm run -s token -- [options]

Prints a development JWT (HS256, signed with JWT_SECRET; reads .env like the service).

Options:
  --permissions P1,P2  the seed's CASE_* codes (default CASE_ALL)
  --client ID          the tenant, the token's client_id (default demo)
  --user ID            the subject (default demo-admin)
  --groups G1,G2       group ids (default none)
  --name NAME          display name
  --ttl SECONDS        lifetime (default TOKEN_TTL_SECONDS, 3600)
  -h, --help           this help
`;

/** `npm run token -- --permissions CASE_ALL [--client demo] [--user alice] [--groups g1,g2] [--ttl 3600]` */
function main(): void {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      permissions: { type: 'string', default: 'CASE_ALL' },
      client: { type: 'string', default: 'demo' },
      user: { type: 'string', default: 'demo-admin' },
      groups: { type: 'string', default: '' },
      name: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (values.ttl !== undefined && !/^[1-9]\d*$/.test(values.ttl)) {
    throw new Error('--ttl must be a whole number of seconds');
  }
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
  console.error(`\n${USAGE}`);
  process.exit(1);
}
