import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

/**
 * Keeps V8's compiled code of the modules the service loads for the next start, so that a restart
 * deserializes instead of parsing and compiling about 3 000 CommonJS files again.
 *
 * Node 22.1+ does this itself (`module.enableCompileCache`, in the system's temporary directory):
 * a restart on Node 22 (the Docker image's) took 1.35-1.69 s to healthy instead of 1.73-1.88 s, 5
 * starts each, interleaved. On Node 20, the engine of this project's toolchain, CommonJS
 * compilation is wrapped here the way `v8-compile-cache` does it (that package itself breaks on
 * Node 20's `require()` of ES modules): each file is compiled as a `vm.Script` with the code kept
 * from an earlier start, if any, and run with the same five arguments Node passes. What cannot be
 * compiled as CommonJS (an ES module, or a file with a `format` already decided) goes to Node's own
 * `_compile` untouched. That took the application's modules from about 1.0 to 0.7 s to load, and a
 * restart from 1.77 to 1.50 s (medians of 3, bench/embedded-start.ts, 2026-12-03).
 *
 * A file's entry is used only when the SHA-1 of its source is the one the code was made from: V8
 * checks little more than the length, and runs the old code of a file edited to the same length.
 * V8 also rejects code kept under other V8 flags (the embedded default's `--liftoff-only`), which
 * is why main.ts enables the cache after prestart.ts has set it. The entries live in one file,
 * `node_modules/.cache/case-management/compile-cache-<node>-<arch>.bin`, written once after the
 * start when anything was compiled afresh (`saveCompileCache`); a directory that cannot be
 * written only costs the gain. `NODE_DISABLE_COMPILE_CACHE=1` turns both kinds off.
 */

interface Entry {
  /** SHA-1 (hex) of the source the code was compiled from. */
  sha1: string;
  code: Buffer;
}

interface Compiled {
  sha1: string;
  script: Script;
  /** The code came from the file and V8 took it: nothing to write again. */
  reused: boolean;
}

type CompileFn = (this: nodeModule, content: string, filename: string, format?: string) => unknown;

interface ModuleInternals {
  prototype: { _compile: CompileFn; require(id: string): unknown };
  _resolveFilename(request: string, parent: nodeModule, isMain: boolean, options?: object): string;
  _resolveLookupPaths(request: string, parent: nodeModule): string[] | null;
  _extensions: object;
  _cache: object;
}

const FORMAT = 1;
const stats = { fromCache: 0, compiled: 0 };
let state: { file: string; entries: Map<string, Entry>; compiled: Map<string, Compiled> } | null =
  null;

/**
 * Turns the cache on for every CommonJS file required from now on. Call before anything else.
 * `native: false` uses this file's cache even where Node has its own (its tests, on any Node).
 */
export function enableCompileCache(root: string, { native = true } = {}): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const nodeOwn = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (native && nodeOwn) {
    nodeOwn();
    return;
  }
  const file = join(
    root,
    'node_modules',
    '.cache',
    'case-management',
    `compile-cache-${process.version}-${process.arch}.bin`,
  );
  state = { file, entries: readEntries(file), compiled: new Map() };
  const Module = nodeModule.Module as unknown as ModuleInternals;
  const original = Module.prototype._compile;
  Module.prototype._compile = function (content, filename, format) {
    const wrapper =
      format === undefined || format === 'commonjs' ? compile(content, filename) : null;
    if (!wrapper) return original.call(this, content, filename, format);
    return wrapper.call(
      this.exports,
      this.exports,
      requireFor(this, Module),
      this,
      filename,
      dirname(filename),
    );
  };
}

/**
 * Writes the code of the files compiled afresh in this process (with every function compiled so
 * far, not only the top level) beside the entries still valid, then lets the entries go.
 */
export function saveCompileCache(): void {
  const current = state;
  state = null;
  if (!current || [...current.compiled.values()].every((c) => c.reused)) return;
  const entries = new Map(current.entries);
  for (const [filename, { sha1, script }] of current.compiled) {
    entries.set(filename, { sha1, code: script.createCachedData() });
  }
  try {
    mkdirSync(dirname(current.file), { recursive: true });
    const partial = `${current.file}.${process.pid}`;
    writeFileSync(partial, serialize(entries));
    renameSync(partial, current.file);
  } catch {
    // A read-only installation: the next start compiles as this one did.
  }
}

/** How many CommonJS files this process compiled through the cache: from kept code, or afresh. */
export function compileCacheStats(): { fromCache: number; compiled: number } {
  return { ...stats };
}

type Wrapper = (
  this: unknown,
  exports: unknown,
  require: unknown,
  module: nodeModule,
  filename: string,
  dirname: string,
) => unknown;

function compile(content: string, filename: string): Wrapper | null {
  if (!state) return null;
  const sha1 = hash('sha1', content);
  const entry = state.entries.get(filename);
  const cachedData = entry?.sha1 === sha1 ? entry.code : undefined;
  let script: Script;
  try {
    script = new Script(nodeModule.wrap(content), {
      filename,
      cachedData,
      importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch {
    // Not CommonJS (ES module syntax in a .js file): Node's loader knows what to do with it.
    return null;
  }
  const reused = cachedData !== undefined && !script.cachedDataRejected;
  stats[reused ? 'fromCache' : 'compiled'] += 1;
  state.compiled.set(filename, { sha1, script, reused });
  return script.runInThisContext({ displayErrors: true }) as Wrapper;
}

/** The `require` Node gives a module (lib/internal/modules/helpers.js, `makeRequireFunction`). */
function requireFor(module: nodeModule, Module: ModuleInternals): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: object) =>
    Module._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => Module._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = Module._extensions as NodeJS.Require['extensions'];
  require.cache = Module._cache as NodeJS.Require['cache'];
  return require;
}

/** [format u32][index length u32][index JSON: [filename, sha1, length][]][code...] */
function serialize(entries: Map<string, Entry>): Buffer {
  const index = JSON.stringify([...entries].map(([name, e]) => [name, e.sha1, e.code.length]));
  const head = Buffer.alloc(8);
  head.writeUInt32LE(FORMAT, 0);
  head.writeUInt32LE(Buffer.byteLength(index), 4);
  return Buffer.concat([head, Buffer.from(index), ...[...entries.values()].map((e) => e.code)]);
}

function readEntries(file: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  try {
    const data = readFileSync(file);
    if (data.readUInt32LE(0) !== FORMAT) return entries;
    const indexEnd = 8 + data.readUInt32LE(4);
    const index = JSON.parse(data.toString('utf8', 8, indexEnd)) as [string, string, number][];
    // V8 would take a cut payload for code: a file of another size than its index says is dropped.
    const size = index.reduce((sum, [, , length]) => sum + length, indexEnd);
    if (size !== data.length) return entries;
    let offset = indexEnd;
    for (const [name, sha1, length] of index) {
      entries.set(name, { sha1, code: data.subarray(offset, offset + length) });
      offset += length;
    }
  } catch {
    // No cache yet, or one this code cannot read: start from nothing.
  }
  return entries;
}
