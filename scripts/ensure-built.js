#!/usr/bin/env node
// Builds dist/ when it is missing or older than any source file, so `npm start` and
// `npm run token` work straight after `npm install`.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const marker = join(root, 'dist', 'main.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const stale =
  !existsSync(marker) ||
  ['src', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'].some(
    (p) =>
      existsSync(join(root, p)) &&
      (statSync(join(root, p)).isDirectory()
        ? newest(join(root, p))
        : statSync(join(root, p)).mtimeMs) > statSync(marker).mtimeMs,
  );

if (stale) {
  process.stderr.write('building dist/ ...\n');
  execSync('npx nest build', { cwd: root, stdio: 'inherit' });
  // The build is incremental: tsc rewrites only the files whose output changed, so main.js may
  // keep an older time than the edited source, and every later start would build again.
  const now = new Date();
  utimesSync(marker, now, now);
  // The embedded database's first-start template (optional: a failure only costs that start).
  try {
    execSync('node dist/cli/pgdata-template.js', { cwd: root, stdio: 'inherit' });
  } catch {
    process.stderr.write('no embedded database template: the first start runs initdb\n');
  }
}
