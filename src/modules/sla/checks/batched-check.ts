import { Logger } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';

/** Rows claimed per transaction: small enough for short locks, large enough to stay set-based. */
export const CHECK_BATCH_SIZE = 500;

/** What every check reports besides its own marks. */
export interface CheckOutcome {
  /** Cases examined (their due deadlines claimed), whether or not they failed. */
  checked: number;
  /** Cases whose marking failed; their marks are rolled back and retried by the next run. */
  errors: number;
  /** True when the check ended early: `continueOnError` was false and a case failed, or the due work could not be read. */
  stopped: boolean;
}

export type CheckResult<K extends string> = CheckOutcome & Record<K, number>;

/** One claimed batch, and the keyset position the next batch starts after (null: no more due work). */
export interface ClaimedBatch<Row> {
  rows: Row[];
  next: string[] | null;
}

/** The due work of one check, claimed in keyset order. */
export interface DueWork<Row, K extends string> {
  /** Locks (FOR UPDATE SKIP LOCKED) and returns the next due rows after `after` (null: from the start). */
  claimBatch(after: string[] | null): Promise<ClaimedBatch<Row>>;
  /** Locks and returns the due rows of one case. */
  claimCase(caseId: string): Promise<Row[]>;
  caseIdOf(row: Row): string;
  /** Marks the claimed rows (with activity, events, notifications) and counts the marks made. */
  mark(rows: Row[]): Promise<Record<K, number>>;
}

/**
 * Runs a check as bounded batches, each claimed and marked in its own transaction. Claims skip
 * rows another run holds, so concurrent runs (replicas, a REST call beside the cron job) share
 * the work and mark each thing once. When a batch fails it is rolled back and redone case by
 * case, each in its own transaction, so one bad case costs an error, not the batch; with
 * `continueOnError` false the check stops at that case (the cases before it stay marked).
 */
export class BatchedCheck<K extends string> {
  readonly result: CheckResult<K>;
  private readonly seen = new Set<string>();

  constructor(
    private readonly tx: TransactionManager,
    private readonly logger: Logger,
    kinds: readonly K[],
    private readonly continueOnError: boolean,
  ) {
    const zero = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<K, number>;
    this.result = { checked: 0, errors: 0, stopped: false, ...zero };
  }

  async walk<Row>(work: DueWork<Row, K>): Promise<void> {
    let after: string[] | null = null;
    while (!this.result.stopped) {
      const claim: { batch?: ClaimedBatch<Row> } = {};
      try {
        const marked = await this.tx.run(async () => {
          claim.batch = await work.claimBatch(after);
          return work.mark(claim.batch.rows);
        });
        this.count(claim.batch?.rows.map((r) => work.caseIdOf(r)) ?? [], marked);
      } catch (error) {
        if (!claim.batch) return this.fail(error, null);
        await this.caseByCase(work, [...new Set(claim.batch.rows.map((r) => work.caseIdOf(r)))]);
      }
      if (!claim.batch?.next) return;
      after = claim.batch.next;
      this.logger.log({ ...this.result }, 'check progress');
    }
  }

  private async caseByCase<Row>(work: DueWork<Row, K>, caseIds: string[]): Promise<void> {
    for (const caseId of caseIds) {
      try {
        const marked = await this.tx.run(async () => work.mark(await work.claimCase(caseId)));
        this.count([caseId], marked);
      } catch (error) {
        this.count([caseId], {} as Record<K, number>);
        this.fail(error, caseId);
        if (this.result.stopped) return;
      }
    }
  }

  private fail(error: unknown, caseId: string | null): void {
    this.result.errors += 1;
    // Without a case to blame the due work cannot be read at all: going on would only repeat it.
    if (!this.continueOnError || caseId === null) this.result.stopped = true;
    const what = caseId ? `case ${caseId} failed` : 'claiming due work failed';
    const next = this.result.stopped ? 'stopping' : 'continuing';
    this.logger.error({ err: error, caseId }, `${what}; ${next}`);
  }

  private count(caseIds: string[], marked: Partial<Record<K, number>>): void {
    for (const id of caseIds) {
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      this.result.checked += 1;
    }
    for (const [kind, n] of Object.entries(marked) as [K, number][]) {
      (this.result as Record<K, number>)[kind] += n;
    }
  }
}
