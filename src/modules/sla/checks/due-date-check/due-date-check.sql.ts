import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { CHECK_BATCH_SIZE } from '../batched-check';
import { CaseAudience } from '../deadline-marks.recorder';

/** A case with a due-date mark due. */
export interface DueDateRow extends CaseAudience {
  id: string;
  client_id: string;
  display_id: string;
  details: string;
  due_date: Date | null;
  due_date_warning: Date | null;
  marked_due_date_warning: boolean;
  marked_due_date_exceeded: boolean;
  /** The next unmarked deadline as text: the keyset cursor, exact to the microsecond. */
  mark_cursor: string;
}

export interface DueDateClaim {
  now: Date;
  caseTypeId: string;
  clientId?: string;
  after?: string[] | null;
  caseId?: string;
}

/**
 * The earliest deadline not yet marked. This expression and the WHERE clause below are those of
 * ix_cases_due_date_marks (migration 1764900000000-sla-clock): keep them identical, or the walk
 * loses its index.
 */
const NEXT_DUE_MARK = `LEAST(CASE WHEN NOT c.marked_due_date_warning THEN c.due_date_warning END,
                             CASE WHEN NOT c.marked_due_date_exceeded THEN c.due_date END)`;

/**
 * Walks one case type's unmarked due dates in deadline order on ix_cases_due_date_marks, skipping
 * cases another run (which marks them) or a command (the next run marks them) holds.
 */
export function claimDueDates(tx: TransactionManager, claim: DueDateClaim): Promise<DueDateRow[]> {
  const params: unknown[] = [claim.now, claim.caseTypeId, CHECK_BATCH_SIZE];
  const where: string[] = [];
  if (claim.clientId) where.push(`c.client_id = $${params.push(claim.clientId)}`);
  if (claim.caseId) where.push(`c.id = $${params.push(claim.caseId)}`);
  if (claim.after) {
    const [at, id] = [params.push(claim.after[0]), params.push(claim.after[1])];
    where.push(`(${NEXT_DUE_MARK}, c.id) > ($${at}::timestamptz, $${id}::uuid)`);
  }
  return tx.query<DueDateRow>(
    `SELECT c.id, c.client_id, c.display_id, c.details, c.due_date, c.due_date_warning,
            c.marked_due_date_warning, c.marked_due_date_exceeded, (${NEXT_DUE_MARK})::text AS mark_cursor,
            c.assigned_to_users, c.assigned_to_groups, c.watchers
       FROM cases c
      WHERE c.case_type_id = $2
        AND c.due_date IS NOT NULL AND c.state NOT IN ('COMPLETED', 'CANCELED')
        AND NOT (c.marked_due_date_warning AND c.marked_due_date_exceeded)
        AND ${NEXT_DUE_MARK} <= $1
        ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY ${NEXT_DUE_MARK}, c.id
      LIMIT $3
        FOR UPDATE SKIP LOCKED`,
    params,
  );
}

/** Sets the two flags of the claimed cases, each only while still false, and nothing else of the row. */
export async function markDueDates(
  tx: TransactionManager,
  warn: string[],
  exceed: string[],
): Promise<void> {
  if (warn.length > 0) {
    await tx.query(
      `UPDATE cases SET marked_due_date_warning = true
        WHERE id = ANY($1::uuid[]) AND marked_due_date_warning = false`,
      [warn],
    );
  }
  if (exceed.length > 0) {
    await tx.query(
      `UPDATE cases SET marked_due_date_exceeded = true
        WHERE id = ANY($1::uuid[]) AND marked_due_date_exceeded = false`,
      [exceed],
    );
  }
}
