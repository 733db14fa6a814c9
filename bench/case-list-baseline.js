/*
 * The case-list benchmark's HTTP floor, run by bench/case-list-p95.ts in a process of its own (as
 * the application runs in its own): a bare `node:http` + `pg` server with one route, GET
 * /api/v1/cases?state=&caseTypeId=&limit=&cursor=, that verifies the HS256 token, builds the
 * service's own list SQL (the compiled `caseListSql`, view `all`, sort `createdAt`), runs it, and
 * answers the same envelope (`data`, `page.limit`, `page.nextCursor`) with JSON.stringify. What it
 * leaves out is the service's framework: Express and Nest's pipeline, the query's validation, the
 * guards, the caller's directory groups, metrics and logging. The bench compares its pages with
 * the service's, so both answer the same bytes of data.
 *
 *   DATABASE_URL=... JWT_SECRET=... [POOL_SIZE=10] [PORT=0] node bench/case-list-baseline.js
 *
 * Served by bench/bare-server.js: prints `{"port": n}` on stdout once listening; SIGTERM closes
 * the server and the pool.
 */
const { URL } = require('node:url');
const { caseListSql } = require('../dist/modules/cases/views/queries/list-cases/case-list.sql');
const { Actor } = require('../dist/shared/auth/actor');
const { decodeCursor, toPage } = require('../dist/shared/http/pagination');
const { serveBare } = require('./bare-server');

async function listCases(pool, claims, search) {
  const actor = new Actor(claims.client_id, claims.sub, new Set(claims.permissions), []);
  const limit = Number(search.get('limit') ?? 20);
  const cursor = search.get('cursor') ?? undefined;
  const after = decodeCursor(cursor, ['string', 'timestamp', 'uuid']);
  const filters = { state: [search.get('state')], caseTypeId: search.get('caseTypeId') };
  const { sql, params } = caseListSql(
    { actor, view: 'all', filters, sort: 'createdAt', limit },
    after,
  );
  const { rows } = await pool.query(sql, params);
  const { data, page } = toPage(rows, limit, (row) => ['createdAt', row.cursorKey, row.id]);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return { data: data.map(({ cursorKey: _key, ...item }) => item), page };
}

serveBare(async (req, claims, pool) => {
  const url = new URL(req.url, 'http://localhost');
  if (req.method !== 'GET' || url.pathname !== '/api/v1/cases') return [404, {}];
  return [200, await listCases(pool, claims, url.searchParams)];
});
