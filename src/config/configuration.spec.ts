import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envSchema } from './env.validation';

const root = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** Every variable configuration.ts reads. */
const variables = [
  ...new Set(
    [...read('src/config/configuration.ts').matchAll(/process\.env\.([A-Z0-9_]+)/g)].map(
      (m) => m[1],
    ),
  ),
].sort();

describe('configuration is documented', () => {
  it('reads the variables of SPEC §12', () => {
    expect(variables).toEqual(
      expect.arrayContaining(['PORT', 'DATA_DIR', 'DATABASE_URL', 'JWT_SECRET', 'DEMO_DATA']),
    );
  });

  it('validates every variable it reads', () => {
    const described = Object.keys(envSchema.describe().keys ?? {});
    expect(variables.filter((v) => !described.includes(v))).toEqual([]);
  });

  it('lists every variable in the README configuration table', () => {
    const readme = read('README.md');
    expect(variables.filter((v) => !readme.includes(`| \`${v}\` |`))).toEqual([]);
  });

  it('lists every variable in .env.example', () => {
    const lines = read('.env.example').split('\n');
    const listed = (v: string) => lines.some((l) => new RegExp(`^(# )?${v}=`).test(l));
    expect(variables.filter((v) => !listed(v))).toEqual([]);
  });
});
