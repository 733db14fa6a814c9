/*
 * Webhook delivery: N domain events committed through the outbox (one transaction each, by
 * --writers concurrent writers, over --cases cases) and delivered by the outbox relay and the
 * webhook dispatcher, running as in production in this process, to a local receiver; beside a
 * bare loop POSTing the same bodies to the same receiver with as many requests in flight as the
 * dispatcher (WEBHOOK_CONCURRENCY), in the same run.
 *
 *   npx ts-node bench/webhook-delivery.ts --database-url postgresql://postgres@127.0.0.1:5432/<db> \
 *     [--events 10000] [--cases 100] [--writers 8] [--keep]
 *
 * Application: events per second from the first commit to the last receipt, and latency from
 * each commit to its receipt. Baseline: events per second and latency from send to receipt.
 * Every event must arrive, each case in order.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { createServer, Agent, request } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/shared/database/data-source-options';
import { migrate } from '../src/shared/database/migrate';
import {
  applyBenchEnv,
  Args,
  benchSchema,
  check,
  fmtMs,
  log,
  percentiles,
  writeReport,
} from './support';

const args = new Args();
const options = {
  events: args.number('events', 10_000),
  cases: args.number('cases', 100),
  writers: args.number('writers', 8),
  concurrency: 32,
  keep: args.flag('keep'),
};
check(options.events >= 1 && options.cases >= 1 && options.writers >= 1, 'need positive sizes');

interface Receipt {
  n: number;
  caseId: string;
  at: number;
}

function receiver() {
  const receipts: Receipt[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        caseId: string;
        data: { n: number };
      };
      receipts.push({ n: body.data.n, caseId: body.caseId, at: performance.now() });
      res.writeHead(204).end();
    });
  });
  return {
    receipts,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`),
        ),
      ),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function startApp(url: string): Promise<INestApplicationContext> {
  applyBenchEnv(url, {
    OUTBOX_RELAY_ENABLED: 'true',
    OUTBOX_POLL_INTERVAL_MS: '50',
    OUTBOX_BATCH_SIZE: '200',
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    WEBHOOK_CONCURRENCY: String(options.concurrency),
  });
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  return NestFactory.createApplicationContext(AppModule, { logger: false });
}

/** The same POST bodies, sent by a bare loop with `concurrency` requests in flight. */
async function baseline(url: string, receipts: Receipt[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const sent = new Map<number, number>();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.events) {
        const n = next++;
        const body = JSON.stringify({
          id: randomUUID(),
          type: 'case.updated',
          timestamp: new Date().toISOString(),
          caseId: randomUUID(),
          data: { n },
        });
        sent.set(n, performance.now());
        await new Promise<void>((resolve, reject) => {
          const req = request(
            url,
            { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
            (res) => {
              res.resume();
              res.on('end', resolve);
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      }
    }),
  );
  const ms = performance.now() - t0;
  agent.destroy();
  return { ms, latency: percentiles(receipts.map((r) => r.at - sent.get(r.n)!)) };
}

async function main(): Promise<void> {
  const databaseUrl = args.databaseUrl();
  const schema = await benchSchema(databaseUrl, 'bench_webhooks', options.keep);
  let app: INestApplicationContext | undefined;
  const app1 = receiver();
  const app2 = receiver();
  try {
    const db = await new DataSource(dataSourceOptions({ url: schema.url }, 2)).initialize();
    await migrate(db);
    await db.destroy();
    const [appUrl, baseUrl] = [await app1.listen(), await app2.listen()];
    app = await startApp(schema.url);
    const { Actor } = await import('../src/shared/auth/actor');
    const { TransactionManager } = await import('../src/shared/database/transaction-manager');
    const { Outbox } = await import('../src/shared/outbox/outbox');
    const { WebhookSubscriptions } =
      await import('../src/modules/webhooks/commands/webhook-subscriptions');
    const { DomainEvent } = await import('../src/shared/domain/domain-event');
    class BenchEvent extends DomainEvent {
      readonly type = 'case.updated';
      constructor(
        caseId: string,
        readonly n: number,
      ) {
        super('bench', caseId, new Date());
      }
      payload() {
        return { n: this.n };
      }
    }
    await app
      .get(WebhookSubscriptions)
      .create(Actor.system('bench'), { url: appUrl, events: ['case.*'] });
    const tx = app.get(TransactionManager);
    const outbox = app.get(Outbox);
    const cases = Array.from({ length: options.cases }, () => randomUUID());
    const committed = new Map<number, number>();
    log(
      `committing ${options.events} events over ${options.cases} cases with ${options.writers} writers`,
    );
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: options.writers }, async () => {
        while (next < options.events) {
          const n = next++;
          await tx.run(() => outbox.append([new BenchEvent(cases[n % options.cases], n)]));
          committed.set(n, performance.now());
        }
      }),
    );
    log(`committed in ${(performance.now() - t0).toFixed(0)} ms; waiting for the receiver`);
    const deadline = Date.now() + 600_000;
    while (app1.receipts.length < options.events && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const received = new Map<number, Receipt>();
    for (const r of app1.receipts) if (!received.has(r.n)) received.set(r.n, r);
    check(
      received.size === options.events,
      `only ${received.size} of ${options.events} events arrived`,
    );
    const lastSeen = new Map<string, number>();
    for (const r of app1.receipts) {
      check((lastSeen.get(r.caseId) ?? -1) < r.n, `case ${r.caseId} out of order`);
      lastSeen.set(r.caseId, r.n);
    }
    const appMs = Math.max(...[...received.values()].map((r) => r.at)) - t0;
    const appLatency = percentiles([...received.values()].map((r) => r.at - committed.get(r.n)!));
    log('baseline: the same POSTs from a bare loop');
    const base = await baseline(baseUrl, app2.receipts);
    const rate = (ms: number) => (options.events / ms) * 1000;
    process.stdout.write(
      `\n=== webhook delivery of ${options.events} events\n` +
        `application  ${rate(appMs).toFixed(0)} events/s · commit→receipt ${fmtMs(appLatency)}\n` +
        `bare loop    ${rate(base.ms).toFixed(0)} events/s · send→receipt ${fmtMs(base.latency)}\n`,
    );
    await writeReport('webhook-delivery', databaseUrl, {
      options,
      results: {
        appMs,
        appLatency,
        baselineMs: base.ms,
        baselineLatency: base.latency,
        redeliveries: app1.receipts.length - received.size,
      },
      rows: [
        {
          benchmark: 'webhook delivery (outbox → relay → dispatcher → local receiver)',
          size: `${options.events} events, ${options.cases} cases, ${options.writers} writers`,
          app: `${rate(appMs).toFixed(0)} events/s, p99 ${appLatency.p99.toFixed(0)} ms commit→receipt`,
          baseline: `${rate(base.ms).toFixed(0)} events/s, p99 ${base.latency.p99.toFixed(1)} ms (bare POST loop, ${options.concurrency} in flight)`,
          ratio: `throughput ${(rate(appMs) / rate(base.ms)).toFixed(2)}×`,
        },
      ],
    });
  } finally {
    await app?.close();
    await app1.close();
    await app2.close();
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
