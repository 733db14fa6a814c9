/*
 * What the benchmarks' bare baselines (create-case-baseline.js, case-list-baseline.js) share: a
 * `node:http` server in a process of its own with a `pg` pool (DATABASE_URL, POOL_SIZE, default
 * 10), which verifies the HS256 token (JWT_SECRET) of every request and hands its claims to the
 * script's one route; it prints `{"port": n}` on stdout once listening (PORT, default any) and
 * closes the server and the pool on SIGTERM.
 */
const { Buffer } = require('node:buffer');
const { createSecretKey } = require('node:crypto');
const { createServer } = require('node:http');
const jwt = require('jsonwebtoken');
const { Pool } = require('pg');

/** `route(req, claims, pool)` resolves to `[status, body]`; a throw answers 500. */
function serveBare(route) {
  // A KeyObject, as the service's JwtStrategy keeps it: a string would have jsonwebtoken try it
  // as a PEM public key first on every verify.
  const secret = createSecretKey(Buffer.from(process.env.JWT_SECRET, 'utf8'));
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.POOL_SIZE ?? 10),
  });
  const server = createServer((req, res) => {
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      try {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        const claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
        reply(...(await route(req, claims, pool)));
      } catch (error) {
        reply(500, { message: String(error) });
      }
    })();
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
  });
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void pool.end().then(() => process.exit(0));
  });
}

module.exports = { serveBare };
