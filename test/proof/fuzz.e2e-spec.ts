import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer, malformedTokens } from '../support/tokens';
import { ProofDataset, seedDataset } from './proof-dataset';
import { Doc, FuzzRequest, Op } from './support/fuzz-schema';
import { Fuzzer } from './support/fuzz-families';

/**
 * Schema-derived invalid requests against every operation of /docs-json. Each request breaks
 * the documented schema in one way, or names a resource the caller cannot reach; none may be
 * accepted, be answered 5xx or without the error envelope, or change a row.
 * FUZZ_REQUESTS (default 10 000) and FUZZ_SEED (default random, printed) reproduce a run.
 */

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32));
const CONCURRENCY = 8;

const log = (line: string) => process.stdout.write(`${line}\n`);

function operations(doc: Doc): Op[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const)
      .filter((m) => item[m])
      .map((method) => {
        const op = item[method];
        return {
          method,
          path,
          params: op.parameters ?? [],
          json: op.requestBody?.content['application/json']?.schema,
          multipart: op.requestBody?.content['multipart/form-data'] !== undefined,
          secured: op['x-permissions']?.public !== true,
        };
      }),
  );
}

async function tableChecksums(t: TestApp, tenants: string[]): Promise<Record<string, string>> {
  const tables = await t.dataSource.query<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.columns
      WHERE column_name = 'client_id' AND table_schema = current_schema() ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    for (const tenant of tenants) {
      const [row] = await t.dataSource.query<{ n: string; sum: string | null }[]>(
        `SELECT count(*)::text AS n, md5(string_agg(t::text, ',' ORDER BY t::text)) AS sum
           FROM "${table}" t WHERE client_id = $1`,
        [tenant],
      );
      out[`${table} @ ${tenant}`] = `${row.n} rows, ${row.sum ?? '-'}`;
    }
  }
  return out;
}

describe(`Fuzzing every operation of /docs-json (e2e, seed ${SEED})`, () => {
  let t: TestApp;
  let data: ProofDataset;
  let stranger: ProofDataset;
  let ops: Op[];
  let doc: Doc;
  const tenant = newTenant();

  beforeAll(async () => {
    t = await createTestApp();
    data = await seedDataset(t, tenant);
    stranger = await seedDataset(t, newTenant());
    doc = (await t.http.get('/docs-json').expect(200)).body as Doc;
    ops = operations(doc);
  }, 120_000);
  afterAll(() => t.close());

  it(`answers ${TOTAL} invalid requests with 4xx error envelopes and changes no row`, async () => {
    log(`fuzz: FUZZ_SEED=${SEED} FUZZ_REQUESTS=${TOTAL} (set both to reproduce this run)`);
    const fz = new Fuzzer(
      SEED,
      doc,
      data,
      stranger,
      bearer({ tenant, user: data.user }),
      malformedTokens(tenant),
    );
    // An operation first, then one of its mutation families: every operation gets its share.
    const generators = ops.map((op) => Object.values(fz.families(op)));
    const requests = Array.from({ length: TOTAL }, () => fz.pick(fz.pick(generators))());
    const before = await tableChecksums(t, [data.tenant, stranger.tenant]);
    const seeded = Object.entries(before).filter(
      ([k, v]) => k.endsWith(data.tenant) && !v.startsWith('0 '),
    );
    expect(seeded.map(([k]) => k.split(' ')[0])).toEqual(
      expect.arrayContaining([
        'case_types',
        'priorities',
        'processes',
        'solutions',
        'oauth_clients',
      ]),
    );

    const serverErrors: string[] = [];
    const accepted: string[] = [];
    const badEnvelopes: string[] = [];
    const tokensNotRefused: string[] = [];
    const statuses: Record<string, number> = {};
    const families: Record<string, number> = {};
    const describeReq = (r: FuzzRequest) =>
      `${r.method.toUpperCase()} ${r.url.slice(0, 200)} [${r.category}] ${String(r.headers['Content-Type'] ?? '')} ${String(r.body ?? '').slice(0, 200)}`;
    for (let i = 0; i < requests.length; i += CONCURRENCY) {
      await Promise.all(
        requests.slice(i, i + CONCURRENCY).map(async (r) => {
          let req = t.http[r.method](r.url).set(r.headers);
          if (r.body !== undefined) req = req.send(r.body);
          const res = await req;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const family = r.category.replace(/ \(.*/, '');
          families[family] = (families[family] ?? 0) + 1;
          const line = `${describeReq(r)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          if (res.status >= 500) serverErrors.push(line);
          else if (res.status < 400) accepted.push(line);
          else {
            const body = res.body as Record<string, unknown>;
            const ok =
              body.statusCode === res.status &&
              typeof body.code === 'string' &&
              /^CASE\d{4}$/.test(body.code) &&
              typeof body.message === 'string' &&
              typeof body.correlationId === 'string' &&
              body.correlationId !== '';
            if (!ok) badEnvelopes.push(line);
          }
          if (
            family === 'malformed token' &&
            (res.status !== 401 || res.body.code !== 'CASE4011')
          ) {
            tokensNotRefused.push(line);
          }
        }),
      );
    }
    log(
      `fuzz: seed ${SEED}, ${requests.length} requests, ${generators.flat().length} generators over ${ops.length} operations, statuses ${JSON.stringify(statuses)}, accepted ${accepted.length}\nfuzz: by family ${JSON.stringify(families)}`,
    );
    if (accepted.length)
      log(`fuzz: accepted (generator bugs):\n${accepted.slice(0, 20).join('\n')}`);

    expect(serverErrors.slice(0, 10)).toEqual([]);
    expect(badEnvelopes.slice(0, 10)).toEqual([]);
    expect(accepted.slice(0, 10)).toEqual([]);
    expect(families['malformed token']).toBeGreaterThan(0);
    expect(tokensNotRefused.slice(0, 10)).toEqual([]);
    expect(await tableChecksums(t, [data.tenant, stranger.tenant])).toEqual(before);
  }, 600_000);
});
