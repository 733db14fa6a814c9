import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from './support/service-process';

const ROOT = join(__dirname, '..', '..');

/**
 * The compile cache of the compiled service (dist/compile-cache.js) in fresh Node processes, on
 * modules of its own: what a module sees is what Node gives it, code is reused only for the very
 * source it was made from, and a file that is not CommonJS still loads.
 */
describe('compile cache (node dist/compile-cache.js)', () => {
  const root = mkdtempSync(join(tmpdir(), 'cms-compile-cache-'));
  const cacheDir = join(root, 'node_modules', '.cache', 'case-management');

  beforeAll(() => ensureBuilt(), 300_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeAll(() => {
    writeFileSync(
      join(root, 'a.js'),
      [
        "const b = require('./b');",
        'module.exports = {',
        '  thisIsExports: this === exports,',
        '  filename: __filename,',
        '  dirname: __dirname,',
        "  resolved: require.resolve('./b'),",
        "  paths: Array.isArray(require.resolve.paths('x')),",
        '  cached: Object.keys(require.cache).length > 0,',
        '  main: require.main === process.mainModule,',
        '  b: b.value,',
        "  esm: require('./c.mjs').value,",
        '};',
      ].join('\n'),
    );
    writeFileSync(join(root, 'b.js'), "exports.value = 'b1';\n");
    writeFileSync(join(root, 'c.mjs'), "export const value = 'c';\n");
    writeFileSync(
      join(root, 'throws.js'),
      "exports.f = () => {\n  // line 2\n  throw new Error('x');\n};\n",
    );
  });

  /** One process: enables the cache on `root`, requires the fixtures, saves; what it saw. */
  function run(env: NodeJS.ProcessEnv = {}) {
    const script = `
      const cache = require(${JSON.stringify(join(ROOT, 'dist', 'compile-cache.js'))});
      cache.enableCompileCache(${JSON.stringify(root)}, { native: false });
      const a = require(${JSON.stringify(join(root, 'a.js'))});
      let stack = '';
      try { require(${JSON.stringify(join(root, 'throws.js'))}).f(); } catch (e) { stack = e.stack; }
      const stats = cache.compileCacheStats();
      cache.saveCompileCache();
      process.stdout.write(JSON.stringify({ a, stack, stats }));`;
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: root,
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', ...env },
    });
    return JSON.parse(output.toString()) as {
      a: Record<string, unknown>;
      stack: string;
      stats: { fromCache: number; compiled: number };
    };
  }

  const seen = {
    thisIsExports: true,
    filename: join(root, 'a.js'),
    dirname: root,
    resolved: join(root, 'b.js'),
    paths: true,
    cached: true,
    main: true,
    b: 'b1',
    esm: 'c',
  };

  it('gives each module what Node gives it, without the cache and with it', () => {
    const plain = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(plain.a).toEqual(seen);
    expect(plain.stats).toEqual({ fromCache: 0, compiled: 0 });
    expect(existsSync(cacheDir)).toBe(false);

    const first = run();
    expect(first.a).toEqual(seen);
    // a.js, b.js and throws.js; c.mjs is an ES module, which Node's own loader takes.
    expect(first.stats).toEqual({ fromCache: 0, compiled: 3 });
    expect(first.stack).toContain(`${join(root, 'throws.js')}:3`);

    const second = run();
    expect(second.a).toEqual(seen);
    expect(second.stats).toEqual({ fromCache: 3, compiled: 0 });
    expect(second.stack).toContain(`${join(root, 'throws.js')}:3`);
  });

  it('compiles a changed file afresh even when its length is the same', () => {
    writeFileSync(join(root, 'b.js'), "exports.value = 'b2';\n");
    const changed = run();
    expect(changed.a).toEqual({ ...seen, b: 'b2' });
    expect(changed.stats).toEqual({ fromCache: 2, compiled: 1 });
    expect(run().stats).toEqual({ fromCache: 3, compiled: 0 });
  });

  it('starts from nothing on a cut cache file, and writes a whole one again', () => {
    const file = join(cacheDir, readdirSync(cacheDir)[0]);
    truncateSync(file, statSync(file).size - 1);
    const cut = run();
    expect(cut.a).toEqual({ ...seen, b: 'b2' });
    expect(cut.stats).toEqual({ fromCache: 0, compiled: 3 });
    expect(run().stats).toEqual({ fromCache: 3, compiled: 0 });
  });
});
