import { Logger } from '@nestjs/common';

/**
 * Runs `tick` again and again: at once while it reports a full batch, `nudgeDelayMs` after a
 * nudge (0: at once), otherwise after `intervalMs`. Nudges within that delay make one tick, so
 * commits that follow one another closely are handled together rather than by a tick each.
 * `stop()` wakes a sleeping loop and waits for the tick in progress to finish.
 */
export class PollingLoop {
  private stopping = false;
  private running?: Promise<void>;
  private wake?: (sooner?: number) => void;
  private nudged = false;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<boolean>,
    private readonly what = 'queue poll',
    private readonly nudgeDelayMs = 0,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  /** Ticks again soon: `nudgeDelayMs` from now if the loop sleeps, else after the running tick. */
  nudge(): void {
    if (this.nudged) return;
    this.nudged = true;
    this.wake?.(this.nudgeDelayMs);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.nudged = false;
      const more = await this.tick().catch((error: unknown) => {
        this.logger.error({ err: error }, `${this.what} failed`);
        return false;
      });
      if (more || this.stopping) continue;
      await this.sleep(this.nudged ? this.nudgeDelayMs : this.intervalMs);
    }
  }

  /** Sleeps `ms`; `wake(sooner)` ends it `sooner` ms from now instead (0 or nothing: at once). */
  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      let timer = setTimeout(done, ms);
      this.wake = (sooner = 0) => {
        clearTimeout(timer);
        if (sooner > 0) timer = setTimeout(done, sooner);
        else done();
      };
    });
  }
}
