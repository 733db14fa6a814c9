/*
 * One bulk request against the same action done case by case: POST /api/v1/cases/bulk tagging
 * `--bulk-cases` cases (default 500), beside two baselines on other cases of the same tenant, on
 * the same application and database, in the same run: as many sequential POST
 * /api/v1/cases/:id/tags calls, and as many AddTags commands run one after another through the
 * CommandBus in-process (the single calls' database work, without HTTP).
 *
 *   npx ts-node bench/bulk.ts --database-url postgresql://postgres@127.0.0.1:5432/<db> \
 *     [--bulk-cases 500] [--keep]
 *
 * Both sides run the same command per case (AddTags: one transaction, a versioned update, an
 * activity entry, an outbox event); the bulk side saves the HTTP round trips and overlaps up to
 * four cases. Target: the bulk within 5× the time of the single calls' database work.
 */
import 'reflect-metadata';
import * as jwt from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { Permission } from '../src/shared/auth/permission.enum';
import { dataSourceOptions } from '../src/shared/database/data-source-options';
import { migrate } from '../src/shared/database/migrate';
import { CaseRowBuilder } from '../test/support/builders/case-rows.builder';
import { Args, benchSchema, check, log, startHttpApp, writeReport } from './support';

const args = new Args();
const options = { cases: args.number('bulk-cases', 500), keep: args.flag('keep') };
check(options.cases >= 1 && options.cases <= 500, 'need 1 <= --bulk-cases <= 500');
const TENANT = 'bulk0';

async function post(base: string, token: string, path: string, body: object) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function caseIds(db: DataSource, count: number): Promise<string[]> {
  const builder = new CaseRowBuilder(db, TENANT);
  const caseTypeId = await builder.caseType('Incident');
  await builder.bulk(count * 3, { caseTypeIds: [caseTypeId] });
  // Open cases only, so that every tag is accepted on both sides.
  await db.query(`UPDATE cases SET state = 'OPENED' WHERE client_id = $1`, [TENANT]);
  await db.query('ANALYZE cases');
  const rows = (await db.query(`SELECT id FROM cases WHERE client_id = $1 ORDER BY seq`, [
    TENANT,
  ])) as { id: string }[];
  return rows.map((r) => r.id);
}

async function main(): Promise<void> {
  const databaseUrl = args.databaseUrl();
  const schema = await benchSchema(databaseUrl, 'bench_bulk', options.keep);
  let db: DataSource | undefined;
  let app: Awaited<ReturnType<typeof startHttpApp>> | undefined;
  try {
    db = await new DataSource(dataSourceOptions({ url: schema.url }, 2)).initialize();
    await migrate(db);
    app = await startHttpApp(schema.url);
    const token = jwt.sign(
      { sub: 'bench', client_id: TENANT, permissions: [Permission.CASE_ALL], groups: [] },
      app.secret,
      { algorithm: 'HS256', expiresIn: 3600 },
    );
    const ids = await caseIds(db, options.cases);
    const n = options.cases;
    const [single, direct, bulk] = [ids.slice(0, n), ids.slice(n, 2 * n), ids.slice(2 * n)];
    log(`${ids.length} cases seeded; ${n} single calls, ${n} commands, then one bulk request`);

    let t0 = performance.now();
    for (const id of single) {
      const res = await post(app.base, token, `/api/v1/cases/${id}/tags`, { tags: ['bench'] });
      check(res.status === 200, `single call answered ${res.status}`);
    }
    const singleMs = performance.now() - t0;

    // Imported only now, like the application (startHttpApp): config is read on import.
    const { CommandBus } = await import('@nestjs/cqrs');
    const { Actor } = await import('../src/shared/auth/actor');
    const { AddTagsCommand } = await import('../src/modules/comments');
    const bus = app.app.get(CommandBus);
    const actor = new Actor(TENANT, 'bench', new Set([Permission.CASE_ALL]), []);
    t0 = performance.now();
    for (const id of direct) await bus.execute(new AddTagsCommand(actor, { id }, ['bench']));
    const directMs = performance.now() - t0;

    t0 = performance.now();
    const res = await post(app.base, token, '/api/v1/cases/bulk', {
      caseIds: bulk,
      action: 'tag',
      params: { tags: ['bench'] },
    });
    const bulkMs = performance.now() - t0;
    const data = res.body.data as { succeeded: number; failed: number };
    check(res.status === 200 && data.succeeded === options.cases, `bulk: ${JSON.stringify(data)}`);
    const [tagged] = (await db.query(
      `SELECT count(*)::int AS n FROM cases WHERE client_id = $1 AND 'bench' = ANY (tags)`,
      [TENANT],
    )) as { n: number }[];
    check(tagged.n === 3 * n, `${tagged.n} cases tagged, not ${3 * n}`);

    const ratio = bulkMs / directMs;
    const httpRatio = bulkMs / singleMs;
    process.stdout.write(
      `\n=== tag ${n} cases\n` +
        `one bulk request          ${bulkMs.toFixed(0)} ms\n` +
        `${n} commands (CommandBus)  ${directMs.toFixed(0)} ms\n` +
        `${n} single HTTP calls     ${singleMs.toFixed(0)} ms\n` +
        `ratio bulk/commands: ${ratio.toFixed(2)}× (target ≤ 5×); bulk/HTTP calls: ${httpRatio.toFixed(2)}×\n`,
    );
    await writeReport('bulk', databaseUrl, {
      options,
      results: { bulkMs, directMs, singleMs, ratio, httpRatio },
      rows: [
        {
          benchmark: `bulk ${n} (one tag request)`,
          size: `${n} cases`,
          app: `${bulkMs.toFixed(0)} ms`,
          baseline: `${directMs.toFixed(0)} ms (${n} AddTags commands in sequence, CommandBus); ${singleMs.toFixed(0)} ms (${n} single HTTP calls)`,
          ratio: `${ratio.toFixed(2)}× the commands (target ≤ 5×); ${httpRatio.toFixed(2)}× the HTTP calls`,
        },
      ],
    });
  } finally {
    await app?.app.close();
    await db?.destroy();
    await schema.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
