import { Logger } from '@nestjs/common';

/**
 * Runs `tick` again and again: at once while it reports a full batch, otherwise after `intervalMs`.
 * `stop()` wakes a sleeping loop and waits for the tick in progress to finish.
 */
export class PollingLoop {
  private stopping = false;
  private running?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<boolean>,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const more = await this.tick().catch((error: unknown) => {
        this.logger.error({ err: error }, 'queue poll failed');
        return false;
      });
      if (!more && !this.stopping) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.intervalMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
