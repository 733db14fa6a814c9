/*
 * Embedded default: the compiled service (`node dist/main.js`, as `npm start` runs it) on a fresh
 * DATA_DIR, to a healthy `GET /health`: first start (empty directory), then a restart on the same
 * directory, and the resident memory after idling; beside a bare PGlite (the library's defaults,
 * pgcrypto loaded, as the service does) doing the same in a process of its own, in the same run.
 *
 *   npx ts-node bench/embedded-start.ts [--rounds 3] [--idle 10]
 *
 * Rounds alternate application and baseline; the table shows medians. No database URL is needed
 * (one given is only used to describe the machine). Linux: RSS is read from /proc.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Args, check, freePort, healthy, log, writeReport } from './support';

const args = new Args();
const options = { rounds: args.number('rounds', 3), idleSeconds: args.number('idle', 10) };
check(options.rounds >= 1 && options.idleSeconds >= 0, 'need --rounds >= 1 and --idle >= 0');
const ROOT = join(__dirname, '..');

interface Start {
  ms: number;
  rssMb: number;
}
interface Round {
  first: Start;
  restart: Start;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

/** One start of the compiled service: ms to a healthy /health, RSS after idling, then SIGTERM. */
async function startService(dataDir: string): Promise<Start> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    while (!(await healthy(port))) {
      check(child.exitCode === null, 'the service exited before it was healthy');
      await sleep(20);
    }
    const ms = performance.now() - t0;
    await sleep(options.idleSeconds * 1000);
    return { ms, rssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Bare PGlite in a child process: create on an empty directory, close, create again. */
const BARE = `
const { PGlite } = require('@electric-sql/pglite');
const { pgcrypto } = require('@electric-sql/pglite/contrib/pgcrypto');
const { readFileSync } = require('node:fs');
const rss = () => Number(/VmRSS:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const idle = () => new Promise((r) => setTimeout(r, ${options.idleSeconds * 1000}));
(async () => {
  const dataDir = process.argv[1];
  let t = performance.now();
  let db = await PGlite.create({ dataDir, extensions: { pgcrypto } });
  const first = { ms: performance.now() - t };
  await idle();
  first.rssMb = rss();
  await db.close();
  process.stdout.write(JSON.stringify(first) + '\\n');
})();`;

function bareStart(dataDir: string): Promise<Start> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', BARE, dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bare PGlite exited with ${code}`));
      const inner = JSON.parse(out) as Start;
      // From spawn, like the service: process start and module loading count too.
      resolve({ ms: performance.now() - t0 - options.idleSeconds * 1000, rssMb: inner.rssMb });
    });
  });
}

async function round(start: (dir: string) => Promise<Start>): Promise<Round> {
  const dir = mkdtempSync(join(tmpdir(), 'cms-bench-start-'));
  try {
    const first = await start(dir);
    const restart = await start(dir);
    return { first, restart };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (rounds: Round[]) => ({
  firstMs: median(rounds.map((r) => r.first.ms)),
  restartMs: median(rounds.map((r) => r.restart.ms)),
  rssMb: median(rounds.map((r) => r.restart.rssMb)),
  firstRssMb: median(rounds.map((r) => r.first.rssMb)),
});
const fmt = (s: ReturnType<typeof summary>) =>
  `first start ${(s.firstMs / 1000).toFixed(2)} s, restart ${(s.restartMs / 1000).toFixed(2)} s, idle RSS ${s.rssMb.toFixed(0)} MB after the restart (${s.firstRssMb.toFixed(0)} MB after the first start)`;

async function main(): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-built.js')], { stdio: 'inherit' });
  const app: Round[] = [];
  const bare: Round[] = [];
  for (let i = 1; i <= options.rounds; i++) {
    // Alternating which goes first, so a noisy neighbour weighs on both alike.
    const order = i % 2 === 1 ? ['app', 'bare'] : ['bare', 'app'];
    for (const which of order) {
      const r = which === 'app' ? await round(startService) : await round(bareStart);
      (which === 'app' ? app : bare).push(r);
      log(
        `round ${i} ${which}: first ${r.first.ms.toFixed(0)} ms (${r.first.rssMb.toFixed(0)} MB), ` +
          `restart ${r.restart.ms.toFixed(0)} ms (${r.restart.rssMb.toFixed(0)} MB)`,
      );
    }
  }
  const a = summary(app);
  const b = summary(bare);
  process.stdout.write(
    `\n=== embedded default, median of ${options.rounds}\n` +
      `service     ${fmt(a)}\nbare PGlite ${fmt(b)}\n`,
  );
  await writeReport('embedded-start', args.value('database-url'), {
    options,
    results: { app, bare, summary: { app: a, bare: b } },
    rows: [
      {
        benchmark: 'embedded default (PGlite): `node dist/main.js` to healthy, fresh DATA_DIR',
        size: `median of ${options.rounds} rounds, RSS after ${options.idleSeconds} s idle`,
        app: fmt(a),
        baseline: `${fmt(b)} (bare PGlite, library defaults)`,
        ratio: `first ${(a.firstMs / b.firstMs).toFixed(2)}×, restart ${(a.restartMs / b.restartMs).toFixed(2)}×, RSS ${(a.rssMb / b.rssMb).toFixed(2)}×`,
      },
    ],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
