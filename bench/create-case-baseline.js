/*
 * The create-case benchmark's baseline, run by bench/create-case.ts in a process of its own (as the
 * application runs in its own): a bare `node:http` + `pg` server with one route, POST
 * /api/v1/cases, that verifies the HS256 token and does the writes CreateCaseHandler →
 * CaseRepository.save does for a case without SLA, priority or comment, in one transaction: case
 * type lookup, counter, case row, activity entry, outbox event. It answers 201 with the case id.
 * Its outbox row is written as already relayed (fanned out and published): nothing delivers the
 * baseline's events, and the service's relay, which shares the database, must not do it for it
 * (that would put the baseline's deliveries on the service's process and on the baseline's turn).
 *
 *   DATABASE_URL=... JWT_SECRET=... [POOL_SIZE=10] [PORT=0] node bench/create-case-baseline.js
 *
 * Served by bench/bare-server.js: prints `{"port": n}` on stdout once listening; SIGTERM closes
 * the server and the pool.
 */
const { Buffer } = require('node:buffer');
const { serveBare } = require('./bare-server');
const { createCase } = require('./create-case-writes');

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

serveBare(async (req, claims, pool) => {
  if (req.method !== 'POST' || req.url !== '/api/v1/cases') return [404, {}];
  const created = await createCase(pool, claims.client_id, claims.sub, await readBody(req));
  return created ? [201, { code: 'CASE0600', data: created }] : [400, {}];
});
