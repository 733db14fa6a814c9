import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedPostgres } from '../src/shared/database/embedded-postgres';
import { Args, log, RESULTS_DIR, TABLE_HEADER } from './support';

/**
 * `npm run bench -- [--only case-list-p95,sla-check,create-case,auto-close,bulk,webhook-delivery,embedded-start] [--cases N]
 * [--due-percent P] [--requests N] [--duration S] [--connections N] [--eligible N]
 * [--bulk-cases N] ...`: runs the benchmark scripts one after another, each in its own process,
 * against BENCH_DATABASE_URL (or
 * --database-url), or an in-memory PGlite served from this process when neither is given. Each
 * script measures its baseline in the same run, prints the ratio and writes
 * bench/results/<name>.json and .md; this then writes bench/results/latest.md, all tables in one
 * (`--latest` only rewrites that file from the reports there).
 */
const SCRIPTS = [
  'case-list-p95',
  'sla-check',
  'create-case',
  'auto-close',
  'bulk',
  'webhook-delivery',
  'embedded-start',
];

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const args = new Args(argv);
  if (args.flag('latest')) {
    writeLatest();
    return 0;
  }
  const only = args.value('only')?.split(',') ?? SCRIPTS;
  const unknown = only.filter((name) => !SCRIPTS.includes(name));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}`);

  let embedded: EmbeddedPostgres | undefined;
  let url = args.value('database-url') ?? process.env.BENCH_DATABASE_URL;
  if (!url) {
    embedded = await EmbeddedPostgres.start();
    url = embedded.url;
    log(
      'no BENCH_DATABASE_URL: using an in-memory PGlite (one connection; figures not comparable)',
    );
  }
  const own = [
    ...argv.filter((a, i) => a !== '--database-url' && argv[i - 1] !== '--database-url'),
  ];
  try {
    for (const name of only) {
      process.stdout.write(`\n== ${name} ${own.join(' ')}\n`);
      // Asynchronously: an embedded database is served by this process's event loop.
      const child = spawn(
        process.execPath,
        [
          require.resolve('ts-node/dist/bin'),
          join(__dirname, `${name}.ts`),
          ...own,
          '--database-url',
          url,
        ],
        { stdio: 'inherit' },
      );
      const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      if (status !== 0) return status ?? 1;
    }
  } finally {
    await embedded?.stop();
  }
  writeLatest(embedded ? 'PGlite (in memory)' : undefined);
  return 0;
}

/**
 * bench/results/latest.md: the newest report of every benchmark (this run's, and earlier runs' for
 * the ones it skipped), each with the command that produced it and the machine, rebuilt from the
 * committed `<name>.md` reports (their JSON twins are not committed).
 */
function writeLatest(engine?: string): void {
  const reports = SCRIPTS.map((name) => ({ name, file: join(RESULTS_DIR, `${name}.md`) }))
    .filter(({ file }) => existsSync(file))
    .map(({ name, file }) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      const rows = lines.slice(2).filter((line) => line.startsWith('| '));
      const footer = lines.find((line) => /^\d{4}-\d\d-\d\d /.test(line)) ?? '';
      return { name, rows, footer };
    });
  if (reports.length === 0) return;
  const text =
    `${TABLE_HEADER}\n${reports.flatMap((r) => r.rows).join('\n')}\n\n` +
    reports.map((r) => `- ${r.name}: ${r.footer}`).join('\n') +
    `\n${engine ? `\nThis run: ${engine}\n` : ''}`;
  writeFileSync(join(RESULTS_DIR, 'latest.md'), text);
  process.stdout.write(`\n${text}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
