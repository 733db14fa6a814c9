import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '../../../../shared/auth/actor';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { dueDateMarks } from '../../domain/due-date-marks';
import { DueDateExceededEvent } from '../../domain/events/due-date-exceeded.event';
import { DueDateWarnedEvent } from '../../domain/events/due-date-warned.event';
import { BatchedCheck, CheckResult } from '../batched-check';
import { DeadlineMarksRecorder, followedCase } from '../deadline-marks.recorder';
import { CaseDeadlineEvent } from '../../domain/events/case-deadline.event';
import { claimDueDates, DueDateRow, markDueDates } from './due-date-check.sql';

export interface DueDateCheckInput {
  /** One tenant (the REST endpoint); absent: every tenant (the built-in job). */
  clientId?: string;
  /** Only cases of these types are checked; none: nothing is (the seed's `case_type_ids`). */
  caseTypeIds: readonly string[];
  continueOnError: boolean;
}

export type DueDateCheckResult = CheckResult<'warned' | 'exceeded'>;

/**
 * SPEC §8 due-date check: each non-terminal case of the given types whose due-date warning or due
 * date has come is marked once (markedDueDateWarning, markedDueDateExceeded), logged and, after
 * commit, notified to the assignees and watchers. A new due date re-arms both marks (case edit), so the dedupe key
 * of a notification names the deadline it is about.
 */
@Injectable()
export class DueDateCheck {
  private readonly logger = new Logger(DueDateCheck.name);

  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly recorder: DeadlineMarksRecorder,
  ) {}

  async run({ clientId, caseTypeIds, continueOnError }: DueDateCheckInput) {
    const now = this.clock.now();
    const kinds = ['warned', 'exceeded'] as const;
    const check = new BatchedCheck(this.tx, this.logger, kinds, continueOnError);
    for (const caseTypeId of new Set(caseTypeIds)) {
      if (check.result.stopped) break;
      await check.walk<DueDateRow>({
        claimBatch: async (after) => {
          const rows = await claimDueDates(this.tx, { now, caseTypeId, clientId, after });
          const last = rows[rows.length - 1];
          return { rows, next: last ? [last.mark_cursor, last.id] : null };
        },
        claimCase: (caseId) => claimDueDates(this.tx, { now, caseTypeId, clientId, caseId }),
        caseIdOf: (row) => row.id,
        mark: (rows) => this.mark(rows, now),
      });
    }
    return check.result as DueDateCheckResult;
  }

  private async mark(
    rows: DueDateRow[],
    now: Date,
  ): Promise<Record<'warned' | 'exceeded', number>> {
    const marks = rows.map((row) => ({ row, ...dueDateMarks(toDeadlines(row), now) }));
    const warned = marks.filter((m) => m.warn).map((m) => m.row);
    const exceeded = marks.filter((m) => m.exceed).map((m) => m.row);
    await markDueDates(
      this.tx,
      warned.map((r) => r.id),
      exceeded.map((r) => r.id),
    );
    await this.recorder.record([
      ...warned.map((r) => warningMark(r, now)),
      ...exceeded.map((r) => exceededMark(r, now)),
    ]);
    return { warned: warned.length, exceeded: exceeded.length };
  }
}

function toDeadlines(row: DueDateRow) {
  return {
    dueDate: row.due_date,
    dueDateWarning: row.due_date_warning,
    markedDueDateWarning: row.marked_due_date_warning,
    markedDueDateExceeded: row.marked_due_date_exceeded,
  };
}

function warningMark(row: DueDateRow, now: Date): CaseDeadlineEvent {
  const { client_id: clientId, id: caseId, due_date: dueDate } = row;
  const data = { dueDate, dueDateWarning: row.due_date_warning };
  const actorId = Actor.system(clientId).userId;
  return new DueDateWarnedEvent(clientId, caseId, now, data, actorId, null, followedCase(row));
}

function exceededMark(row: DueDateRow, now: Date): CaseDeadlineEvent {
  const { client_id: clientId, id: caseId, due_date: dueDate } = row;
  const actorId = Actor.system(clientId).userId;
  return new DueDateExceededEvent(
    clientId,
    caseId,
    now,
    { dueDate },
    actorId,
    null,
    followedCase(row),
  );
}
