import { Logger } from '@nestjs/common';

/**
 * Runs `tick` again and again: at once while it reports a full batch or was nudged, otherwise
 * after `intervalMs`. `stop()` wakes a sleeping loop and waits for the tick in progress to finish.
 */
export class PollingLoop {
  private stopping = false;
  private running?: Promise<void>;
  private wake?: () => void;
  private nudged = false;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<boolean>,
    private readonly what = 'queue poll',
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  /** Ticks again at once: now if the loop sleeps, else as soon as the running tick ends. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.nudged = false;
      const more = await this.tick().catch((error: unknown) => {
        this.logger.error({ err: error }, `${this.what} failed`);
        return false;
      });
      if (!more && !this.nudged && !this.stopping) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.intervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
