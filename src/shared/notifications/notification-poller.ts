import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { queueConfig, QueueConfig } from '../../config/configuration';
import { RecipientMailer } from './inbox/recipient-mailer';
import { NotificationDispatcher } from './notification-dispatcher';

export const NOTIFICATION_POLL_INTERVAL_MS = 15_000;

/**
 * Retries what is due: failed deliveries and e-mails after their backoff, and rows whose
 * immediate delivery never happened (a crash between commit and delivery). A consumer like the
 * queue's: off with QUEUE_CONSUMERS_ENABLED=false, not with JOBS_ENABLED=false (which only stops
 * the scheduler).
 */
@Injectable()
export class NotificationPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationPoller.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dispatcher: NotificationDispatcher,
    private readonly mailer: RecipientMailer,
    @Inject(queueConfig.KEY) private readonly queue: QueueConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.queue.consumersEnabled) return;
    this.timer = setInterval(() => this.tick(), NOTIFICATION_POLL_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.dispatcher
      .dispatchDue()
      .then(() => this.mailer.dispatch())
      .catch((error) => this.logger.error({ err: error }, 'notification poll failed'))
      .finally(() => (this.running = undefined));
  }
}
