import { Injectable, Logger } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { MessageQueue } from '../../../shared/queue/message-queue';
import { Clock } from '../../../shared/time/clock';
import { autoCloseMessage } from '../domain/auto-close-message';
import { autoCloseTenants, eligibleCases } from '../queries/eligible-cases.sql';

const BATCH_SIZE = 500;

/**
 * Step 2 of the seed's CaseAutoCloseJob: one `case.auto-close` message per eligible case, queued
 * in batches, each batch in its own transaction (both drivers enqueue transactionally). The
 * consumer decides; this only proposes, so a message for a case changed meanwhile is harmless.
 */
@Injectable()
export class EnqueueAutoClose {
  private readonly logger = new Logger(EnqueueAutoClose.name);

  constructor(
    private readonly tx: TransactionManager,
    private readonly queue: MessageQueue,
    private readonly clock: Clock,
  ) {}

  /** One tenant (the REST endpoint), or every tenant with auto-close configured (the job). */
  async run({ clientId }: { clientId?: string } = {}): Promise<{ enqueued: number }> {
    const now = this.clock.now();
    let enqueued = 0;
    for (const tenant of clientId ? [clientId] : await autoCloseTenants(this.tx)) {
      enqueued += await this.enqueueTenant(tenant, now);
    }
    return { enqueued };
  }

  private async enqueueTenant(clientId: string, now: Date): Promise<number> {
    let enqueued = 0;
    let after: [string, string] | undefined;
    for (;;) {
      const rows = await eligibleCases(this.tx, { clientId, now, limit: BATCH_SIZE, after });
      const messages = rows.map((r) => autoCloseMessage(clientId, r.caseId, r.resolutionDate));
      if (messages.length > 0) await this.tx.run(() => this.queue.enqueue(messages));
      enqueued += messages.length;
      if (rows.length < BATCH_SIZE) return enqueued;
      after = [rows[rows.length - 1].cursorAt, rows[rows.length - 1].caseId];
      this.logger.log({ clientId, enqueued }, 'auto-close progress');
    }
  }
}
