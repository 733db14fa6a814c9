import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LocalFileStorage } from './local-file.storage';
import { FileStorage } from './storage.port';

/**
 * A `.part` file untouched this long belongs to no upload: an upload in progress keeps writing,
 * and the server's request timeout ends a stalled one long before.
 */
export const PART_MAX_AGE_MS = 60 * 60 * 1000;
export const PART_SWEEP_INTERVAL_MS = 15 * 60 * 1000;

/** Removes the `.part` files a crash left in local storage, at start and then periodically. */
@Injectable()
export class PartSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PartSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly storage: FileStorage) {}

  onApplicationBootstrap(): void {
    if (!(this.storage instanceof LocalFileStorage)) return;
    this.sweep();
    this.timer = setInterval(() => this.sweep(), PART_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep; resolves to the number of parts removed (0 when not local storage). */
  async sweepOnce(): Promise<number> {
    if (!(this.storage instanceof LocalFileStorage)) return 0;
    // File times are the machine's, not the service clock's.
    const before = new Date(Date.now() - PART_MAX_AGE_MS);
    const removed = await this.storage.sweepParts(before);
    if (removed > 0) this.logger.log({ removed }, 'removed abandoned upload parts');
    return removed;
  }

  private sweep(): void {
    if (this.running) return;
    this.running = this.sweepOnce()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'upload part sweep failed'))
      .finally(() => (this.running = undefined));
  }
}
