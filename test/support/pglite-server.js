// An in-memory PGlite served on a Unix socket from a process of its own (PGlite cannot start
// inside a jest worker's VM). Prints its URL once ready; stops when its stdin closes.
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
const { EmbeddedPostgres } = require('../../src/shared/database/embedded-postgres');

EmbeddedPostgres.start().then(
  (embedded) => {
    process.stdout.write(`${embedded.url}\n`);
    process.stdin.resume();
    process.stdin.on('end', () => embedded.stop().finally(() => process.exit(0)));
  },
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
