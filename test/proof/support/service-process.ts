import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POSTGRES_URL } from '../../support/scratch-database';
import { TEST_JWT_SECRET } from '../../support/test-env';

const ROOT = join(__dirname, '..', '..', '..');

/** A size from the environment (full-size runs), else the CI default. */
export function sizeFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Builds dist/ if it is older than the sources (what `npm start` does), one jest worker at a time:
 * two suites building into the same dist/ at once could start a service on a half-written file.
 * The build also writes the embedded database's first-start template, so a worker may wait for
 * another's build for minutes on a loaded machine: callers' hooks allow 300 s.
 */
export async function ensureBuilt(timeoutMs = 280_000): Promise<void> {
  const lock = join(tmpdir(), 'cms-proof-build.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a worker that died while building is stale after a few minutes.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error(`${lock} held for ${timeoutMs} ms`);
      await sleep(250);
    }
  }
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'ensure-built.js')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } finally {
    rmdirSync(lock);
  }
}

/** A port nobody listens on right now (the service takes its port from PORT, so 0 will not do). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `node dist/main.js` as a child process, on its own port, with its output kept for failures. */
export class ServiceProcess {
  private readonly output: string[] = [];
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
  }

  /** `databaseUrl` undefined: the embedded default (PGlite under DATA_DIR). */
  static async start(
    name: string,
    databaseUrl: string | undefined,
    env: Record<string, string> = {},
  ): Promise<ServiceProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
      cwd: mkdtempSync(join(tmpdir(), 'cms-proof-cwd-')),
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        PORT: String(port),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'cms-proof-')),
        JWT_SECRET: TEST_JWT_SECRET,
        DEMO_DATA: 'false',
        LOG_LEVEL: 'info',
        TOKEN_RATE_LIMIT: '100000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(name, port, child);
    // A worker that dies without afterAll must not leave services running.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('exit', () => process.removeListener('exit', orphan));
    await service.waitReady();
    return service;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** Lines of output (JSON logs) that contain `text`. */
  lines(text: string): string[] {
    return this.output.filter((line) => line.includes(text));
  }

  tail(n = 30): string {
    return this.output.slice(-n).join('\n');
  }

  /** Resolves once /health answers 200. */
  async waitReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) {
        throw new Error(`${this.name} exited (${this.exitCode}) while starting:\n${this.tail()}`);
      }
      try {
        const res = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.tail()}`);
  }

  /** SIGTERM: the graceful shutdown; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.alive) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** SIGKILL: no shutdown hook runs, open transactions and claims are simply abandoned. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns true; throws with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/**
 * The one test a PostgreSQL-only suite registers on every engine: it pins the reason for the
 * guard. Without TEST_DATABASE_URL the shared test database is PGlite served on a Unix socket
 * of the jest process: one session, no second database for child processes, no real concurrency.
 */
export function registerEngineGuard(suite: string): void {
  describe(`${suite}: engine guard`, () => {
    it('registers the process and concurrency tests only when TEST_DATABASE_URL is set', () => {
      const shared = process.env.CMS_TEST_DATABASE_URL ?? '';
      if (POSTGRES_URL) expect(shared).toBe(POSTGRES_URL);
      else expect(decodeURIComponent(new URL(shared).hostname)).toMatch(/^\//);
    });
  });
}

/** One line of observations for the run's log (figures the assertions do not pin). */
export function report(line: string): void {
  process.stdout.write(`[proof] ${line}\n`);
}
