/*
 * The application side of bench/sla-check.ts, in a process of its own that runs the compiled
 * service (`dist/`, `npm run build`) under plain `node`: no ts-node, so its RSS and CPU are the
 * product's. The parent transpiles this file alone (it imports nothing of src at run time: the
 * service is loaded from BENCH_DIST), forks it with the bench's environment and reads one message:
 * the SLA check job's run (every tenant with SLA work due, as the cron does), its wall time,
 * statements sent, and the process's peak RSS during the run (VmHWM, reset just before the run).
 *
 *   BENCH_DIST=<worktree>/dist BENCH_NOW=<iso> [BENCH_CPU_PROFILE=<file>] node sla-check.child.js
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface ChildReport {
  ms: number;
  statements: number;
  result: unknown;
  rssBoot: number;
  rssPeak: number;
  /** False when the kernel refused to reset VmHWM: rssPeak then includes the boot. */
  peakReset: boolean;
  /** Per statement (its first 80 characters): how often, and the ms from send to reply. */
  statementTimes: Record<string, { n: number; ms: number }>;
}

type Query = (...args: unknown[]) => unknown;
interface Context {
  get(token: unknown): Record<string, unknown>;
  close(): Promise<void>;
}

const dist = process.env.BENCH_DIST as string;
const now = new Date(process.env.BENCH_NOW as string);
const load = createRequire(join(dist, 'main.js'));
const fromDist = (path: string) => load(join(dist, path)) as Record<string, unknown>;

function vmHwm(): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return line ? Number(line[1]) * 1024 : process.memoryUsage().rss;
}

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Profiles `work` alone (not the boot) when BENCH_CPU_PROFILE names a file. */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return work();
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (err, res) => (err ? reject(err) : resolve(res))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

async function main(): Promise<void> {
  load('reflect-metadata');
  const pg = load('pg') as { Client: { prototype: { query: Query } } };
  const counter = { on: false, count: 0 };
  const query = pg.Client.prototype.query;
  const times: ChildReport['statementTimes'] = {};
  pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    if (!counter.on) return query.apply(this, args);
    counter.count += 1;
    const text =
      typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text);
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 80);
    const t0 = process.hrtime.bigint();
    const done = () => {
      const entry = (times[key] ??= { n: 0, ms: 0 });
      entry.n += 1;
      entry.ms += Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...r: unknown[]) => (done(), (last as Query)(...r));
      return query.apply(this, args);
    }
    const result = query.apply(this, args) as Promise<unknown> | undefined;
    result?.then?.(done, done);
    return result;
  };
  const { NestFactory } = load('@nestjs/core') as {
    NestFactory: { createApplicationContext(m: unknown, o: object): Promise<Context> };
  };
  const app = await NestFactory.createApplicationContext(fromDist('app.module').AppModule, {
    logger: false,
  });
  app.get(fromDist('shared/time/clock').Clock).now = () => new Date(now.getTime());
  const dispatcher = fromDist('shared/notifications/notification-dispatcher');
  app.get(dispatcher.NotificationDispatcher).dispatchSoon = () => undefined;
  const job = app.get(fromDist('modules/sla/checks/sla-check/sla-check.job').SlaCheckJob) as {
    run(): Promise<unknown>;
  };
  const rssBoot = process.memoryUsage().rss;
  const peakReset = resetPeak();
  counter.on = true;
  const t0 = process.hrtime.bigint();
  const result = await profiled(() => job.run());
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  counter.on = false;
  const report: ChildReport = {
    ms,
    statements: counter.count,
    result,
    rssBoot,
    rssPeak: vmHwm(),
    peakReset,
    statementTimes: times,
  };
  await app.close();
  process.send?.(report);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
