import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '../../../../shared/auth/actor';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { dueMarks } from '../../domain/sla-clock';
import { SlaViolatedEvent } from '../../domain/events/sla-violated.event';
import { SlaWarnedEvent } from '../../domain/events/sla-warned.event';
import { BatchedCheck, CheckResult } from '../batched-check';
import { DeadlineMarksRecorder, followedCase } from '../deadline-marks.recorder';
import { CaseDeadlineEvent } from '../../domain/events/case-deadline.event';
import {
  claimCaseSlas,
  claimDueSlas,
  clockOf,
  DueSlaRow,
  markSlas,
  SlaMarks,
} from './sla-check.sql';

export interface SlaCheckInput {
  /** One tenant (the REST endpoint); absent: every tenant (the built-in job). */
  clientId?: string;
  continueOnError: boolean;
}

export type SlaCheckResult = CheckResult<'warned' | 'violated'>;

/**
 * SPEC §8 SLA check: every SLA of a non-terminal case whose warning or breach has come is marked
 * once (warned_at + messageWarnedSLAs, violated_at) and logged; its event carries the assignees
 * and watchers, notified after commit. Marks are stamped with the run's start time.
 */
@Injectable()
export class SlaCheck {
  private readonly logger = new Logger(SlaCheck.name);

  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly recorder: DeadlineMarksRecorder,
  ) {}

  async run({ clientId, continueOnError }: SlaCheckInput): Promise<SlaCheckResult> {
    const now = this.clock.now();
    const kinds = ['warned', 'violated'] as const;
    const check = new BatchedCheck(this.tx, this.logger, kinds, continueOnError);
    await check.walk<DueSlaRow>({
      claimBatch: (after) => claimDueSlas(this.tx, { now, clientId, after }),
      claimCase: (caseId) => claimCaseSlas(this.tx, now, [caseId]),
      caseIdOf: (row) => row.case_id,
      mark: (rows) => this.mark(rows, now),
    });
    return check.result;
  }

  private async mark(rows: DueSlaRow[], now: Date): Promise<Record<'warned' | 'violated', number>> {
    const marks = rows
      .map((row) => ({ row, ...dueMarks(clockOf(row), now) }))
      .filter((m) => m.warn || m.violate);
    await markSlas(this.tx, marks, now);
    await this.recorder.record(marks.flatMap((m) => deadlineMarks(m, now)));
    return {
      warned: marks.filter((m) => m.warn).length,
      violated: marks.filter((m) => m.violate).length,
    };
  }
}

function deadlineMarks({ row, warn, violate }: SlaMarks, now: Date): CaseDeadlineEvent[] {
  const { client_id: clientId, case_id: caseId } = row;
  const actorId = Actor.system(clientId).userId;
  const data = {
    slaInstanceId: row.id,
    slaDefinitionId: row.sla_definition_id,
    name: row.name,
    warnAt: row.warn_at,
    breachAt: row.breach_at,
  };
  const followed = followedCase(row);
  const marks: CaseDeadlineEvent[] = [];
  if (warn) marks.push(new SlaWarnedEvent(clientId, caseId, now, data, actorId, null, followed));
  if (violate) {
    marks.push(new SlaViolatedEvent(clientId, caseId, now, data, actorId, null, followed));
  }
  return marks;
}
