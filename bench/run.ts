import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedPostgres } from '../src/shared/database/embedded-postgres';
import {
  Args,
  describeMachine,
  log,
  Machine,
  ReportRow,
  RESULTS_DIR,
  TABLE_HEADER,
  tableLine,
} from './support';

/**
 * `npm run bench -- [--only case-list-p95,sla-check,create-case,auto-close,bulk,webhook-delivery,embedded-start] [--cases N]
 * [--due-percent P] [--requests N] [--duration S] [--connections N] [--eligible N]
 * [--bulk-cases N] ...`: runs the benchmark scripts one after another, each in its own process,
 * against BENCH_DATABASE_URL (or
 * --database-url), or an in-memory PGlite served from this process when neither is given. Each
 * script measures its baseline in the same run, prints the ratio and writes
 * bench/results/<name>.json and .md; this then writes bench/results/latest.md, all tables in one.
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
 * the ones it skipped), each with the command that produced it, and the machine.
 */
function writeLatest(engine?: string): void {
  const reports = SCRIPTS.map((name) => join(RESULTS_DIR, `${name}.json`))
    .filter(existsSync)
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Report);
  if (reports.length === 0) return;
  const text =
    `${TABLE_HEADER}\n${reports.flatMap((r) => r.rows.map(tableLine)).join('\n')}\n\n` +
    reports
      .map((r) => `- ${r.bench}: \`${r.command}\` · ${r.at.slice(0, 16).replace('T', ' ')} UTC`)
      .join('\n') +
    `\n\n${describeMachine(reports[reports.length - 1].machine)}${engine ? ` · ${engine}` : ''}\n`;
  writeFileSync(join(RESULTS_DIR, 'latest.md'), text);
  process.stdout.write(`\n${text}`);
}

interface Report {
  bench: string;
  at: string;
  command: string;
  machine: Machine;
  rows: ReportRow[];
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
