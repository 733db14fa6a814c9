import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run bench -- [--cases N] [--due-percent P]`: runs the benchmark scripts one after another
 * against PostgreSQL (BENCH_DATABASE_URL or --database-url). Each script prints its own
 * baseline, measured in the same run, and the ratio to it.
 */
const SCRIPTS = ['case-list-p95.ts', 'sla-check.ts'];

const args = process.argv.slice(2);
const url = process.env.BENCH_DATABASE_URL;
if (!args.includes('--database-url') && !url) {
  process.stderr.write(
    'set BENCH_DATABASE_URL (or pass --database-url) to a PostgreSQL database the benchmark may use\n',
  );
  process.exit(2);
}
const withUrl = args.includes('--database-url') ? args : [...args, '--database-url', url as string];

for (const script of SCRIPTS) {
  const own =
    script === 'sla-check.ts'
      ? withUrl
      : withUrl.filter((a, i, all) => a !== '--due-percent' && all[i - 1] !== '--due-percent');
  process.stdout.write(`\n== ${script} ${own.join(' ')}\n`);
  const result = spawnSync(
    process.execPath,
    [require.resolve('ts-node/dist/bin'), join(__dirname, script), ...own],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
