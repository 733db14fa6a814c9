import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { EmbeddedPostgres, PgConnection } from './embedded-postgres';

/** The embedded database's directory inside DATA_DIR. */
export function embeddedDatabaseDir(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

/** What the worker thread tells its host. */
export type HostMessage =
  | { type: 'ready'; connection: PgConnection; origin: EmbeddedPostgres['origin'] }
  | { type: 'stopped' }
  | { type: 'failed'; error: string };

/**
 * The service's embedded database (`EmbeddedPostgres` on a data directory) run in a worker thread
 * of its own. The application reaches it over its socket exactly as before; what changes is which
 * thread runs PGlite: opening it (half a second on a restart, more when a first start unpacks the
 * template) overlaps the loading of the application's modules on the other core, and its queries
 * no longer run on the thread that serves HTTP.
 *
 * `prestart(dataDir)` begins the opening before the application is loaded (main.ts does it first);
 * the first `start` on the same directory takes that opening over instead of starting another.
 */
export class EmbeddedPostgresHost {
  private static early?: { dataDir: string; host: Promise<EmbeddedPostgresHost> };

  /** Set once `stop` was asked for, or the thread ended by itself. */
  private ended = false;
  private exited = false;
  private stopped?: Promise<void>;
  private lost?: (reason: string) => void;

  private constructor(
    private readonly worker: Worker,
    readonly connection: PgConnection,
    readonly origin: EmbeddedPostgres['origin'],
    /** From launching the worker to the database's socket accepting connections. */
    readonly openedInMs: number,
  ) {
    worker.on('error', (error) => this.lose(`failed: ${error.message}`));
    worker.on('exit', (code) => {
      this.exited = true;
      this.lose(`exited with code ${code}`);
    });
  }

  /** Begins opening `dataDir` for a later `start(dataDir)`; a failure is that call's to report. */
  static prestart(dataDir: string): Promise<EmbeddedPostgresHost> {
    const host = EmbeddedPostgresHost.launch(dataDir);
    host.catch(() => undefined);
    EmbeddedPostgresHost.early = { dataDir, host };
    return host;
  }

  static start(dataDir: string): Promise<EmbeddedPostgresHost> {
    const early = EmbeddedPostgresHost.early;
    if (early?.dataDir === dataDir) {
      EmbeddedPostgresHost.early = undefined;
      return early.host;
    }
    EmbeddedPostgresHost.discardPrestart();
    return EmbeddedPostgresHost.launch(dataDir);
  }

  /** Closes a prestarted database nobody took (the configuration pointed elsewhere after all). */
  static discardPrestart(): void {
    const early = EmbeddedPostgresHost.early;
    EmbeddedPostgresHost.early = undefined;
    void early?.host.then((host) => host.stop()).catch(() => undefined);
  }

  private static launch(dataDir: string): Promise<EmbeddedPostgresHost> {
    EmbeddedPostgresHost.baselineWasmOnly();
    // Under ts-node or ts-jest (tests) the worker's source is TypeScript as well.
    const launched = Date.now();
    const typescript = __filename.endsWith('.ts');
    const worker = new Worker(
      join(__dirname, `embedded-postgres.worker.${typescript ? 'ts' : 'js'}`),
      {
        workerData: { dataDir },
        execArgv: typescript ? ['--require', 'ts-node/register/transpile-only'] : [],
      },
    );
    return new Promise((resolve, reject) => {
      const exited = (code: number) =>
        reject(new Error(`the embedded database exited (code ${code}) before it was ready`));
      worker.once('error', reject);
      worker.once('exit', exited);
      worker.once('message', (message: HostMessage) => {
        worker.off('error', reject);
        worker.off('exit', exited);
        if (message.type === 'ready') {
          const ms = Date.now() - launched;
          resolve(new EmbeddedPostgresHost(worker, message.connection, message.origin, ms));
        } else {
          void worker.terminate();
          reject(new Error(message.type === 'failed' ? message.error : 'unexpected message'));
        }
      });
    });
  }

  /**
   * PGlite's WebAssembly is compiled by V8's baseline compiler (Liftoff) only, without the
   * optimizing tier: its optimized code took about 45 MB of the idle process, and compiling it
   * competed with the start for the two cores. Measured on PGlite alone (reopen, then 200 bulk
   * inserts and 3 000 indexed reads): 0.33 s instead of 0.45 s to open, 160 instead of 210 MB; that
   * run took 6.1-6.3 s against 5.1-6.1 s (up to a fifth slower), a tenth of it 0.7 s against 1.2 s
   * (faster: no optimizing compiles competing).
   * A process-wide V8 flag, set before the first module is compiled; it only concerns
   * WebAssembly, and only the embedded default sets it.
   */
  private static baselineWasmOnly(): void {
    setFlagsFromString('--liftoff-only');
  }

  /** Whether the database's thread is still running. */
  get running(): boolean {
    return !this.exited;
  }

  /** Called once if the database's thread ends without being stopped (queries then fail). */
  onLost(callback: (reason: string) => void): void {
    this.lost = callback;
  }

  private lose(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.lost?.(reason);
  }

  /** Closes the database (checkpointing its data directory) and ends the worker; once. */
  stop(): Promise<void> {
    this.stopped ??= this.close();
    return this.stopped;
  }

  private async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    const answer = new Promise<HostMessage>((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) =>
        resolve({ type: 'failed', error: `the embedded database exited (code ${code}) closing` }),
      );
    });
    this.worker.postMessage('stop');
    const message = await answer;
    await this.worker.terminate();
    if (message.type === 'failed') throw new Error(message.error);
  }
}
