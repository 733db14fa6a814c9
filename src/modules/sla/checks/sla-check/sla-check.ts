import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '../../../../shared/auth/actor';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { dueMarks } from '../../domain/sla-clock';
import { dueRungs } from '../../domain/sla-escalation';
import { SlaEscalatedEvent } from '../../domain/events/sla-escalated.event';
import { SlaViolatedEvent } from '../../domain/events/sla-violated.event';
import { SlaWarnedEvent } from '../../domain/events/sla-warned.event';
import { BatchedCheck, CheckResult } from '../batched-check';
import { DeadlineMarksRecorder, followedCase } from '../deadline-marks.recorder';
import { CaseDeadlineEvent } from '../../domain/events/case-deadline.event';
import { EscalatedCase, EscalationWrites } from './escalation-writes';
import {
  claimCaseSlas,
  claimDueSlas,
  clockOf,
  DueSlaRow,
  fireRungs,
  markSlas,
  SlaMarks,
} from './sla-check.sql';

export interface SlaCheckInput {
  /** One tenant (the REST endpoint); absent: every tenant (the built-in job). */
  clientId?: string;
  continueOnError: boolean;
}

type Kind = 'warned' | 'violated' | 'escalated';
export type SlaCheckResult = CheckResult<Kind>;

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
    private readonly escalations: EscalationWrites,
  ) {}

  async run({ clientId, continueOnError }: SlaCheckInput): Promise<SlaCheckResult> {
    const now = this.clock.now();
    const kinds = ['warned', 'violated', 'escalated'] as const;
    const check = new BatchedCheck(this.tx, this.logger, kinds, continueOnError);
    await check.walk<DueSlaRow>({
      claimBatch: (after) => claimDueSlas(this.tx, { now, clientId, after }),
      claimCase: (caseId) => claimCaseSlas(this.tx, now, [caseId]),
      caseIdOf: (row) => row.case_id,
      mark: (rows) => this.mark(rows, now),
    });
    return check.result;
  }

  /**
   * Marks warnings and breaches, fires the due escalation rungs (firedAt and next_escalation_at
   * first, so the rungs are spent before their case writes run), records one event per mark and
   * rung, then makes the rungs' case writes.
   */
  private async mark(rows: DueSlaRow[], now: Date): Promise<Record<Kind, number>> {
    const marks = rows
      .map((row) => ({
        row,
        ...dueMarks(clockOf(row), now),
        rungs: dueRungs(clockOf(row), row.escalations, now),
      }))
      .filter((m) => m.warn || m.violate || m.rungs.length > 0);
    await markSlas(this.tx, marks, now);
    await fireRungs(this.tx, marks, now);
    await this.recorder.record(marks.flatMap((m) => deadlineMarks(m, now)));
    await this.escalations.apply(escalatedCases(marks), now);
    return {
      warned: marks.filter((m) => m.warn).length,
      violated: marks.filter((m) => m.violate).length,
      escalated: marks.reduce((n, m) => n + m.rungs.length, 0),
    };
  }
}

function deadlineMarks({ row, warn, violate, rungs }: SlaMarks, now: Date): CaseDeadlineEvent[] {
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
  for (const i of rungs) {
    const { atPercent, actions } = row.escalations[i];
    const rung = { ...pick(data), atPercent, actions };
    marks.push(new SlaEscalatedEvent(clientId, caseId, now, rung, actorId, null, followed));
  }
  return marks;
}

const pick = ({ slaInstanceId, slaDefinitionId, name }: Record<string, unknown>) => ({
  slaInstanceId,
  slaDefinitionId,
  name,
});

/** The cases with fired rungs, each once with all its rungs in due order. */
function escalatedCases(marks: SlaMarks[]): EscalatedCase[] {
  const cases = new Map<string, EscalatedCase>();
  for (const { row, rungs } of marks) {
    if (rungs.length === 0) continue;
    const kase = cases.get(row.case_id) ?? {
      clientId: row.client_id,
      caseId: row.case_id,
      priorityId: row.priority_id,
      assignedToUsers: row.assigned_to_users,
      assignedToGroups: row.assigned_to_groups,
      rungs: [],
    };
    kase.rungs.push(...rungs.map((i) => row.escalations[i]));
    cases.set(row.case_id, kase);
  }
  for (const kase of cases.values()) {
    kase.rungs.sort((a, b) => new Date(a.dueAt!).getTime() - new Date(b.dueAt!).getTime());
  }
  return [...cases.values()];
}
