import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { CaseState } from '../../../../shared/domain/case-state';
import { SlaClock } from '../../domain/sla-clock';
import { refreshSlaSummary } from '../../infrastructure/sla-summary.sql';
import { EscalationRung } from '../../domain/sla-escalation';
import { CHECK_BATCH_SIZE, ClaimedBatch } from '../batched-check';
import { CaseAudience } from '../deadline-marks.recorder';

interface CaseRow extends CaseAudience {
  id: string;
  client_id: string;
  display_id: string;
  details: string;
  priority_id: string | null;
}

interface SlaRow {
  id: string;
  case_id: string;
  sla_definition_id: string;
  name: string;
  warn_at: Date;
  breach_at: Date;
  warned_at: Date | null;
  violated_at: Date | null;
  paused_at: Date | null;
  stopped_at: Date | null;
  pause_in_states: CaseState[];
  escalations: EscalationRung[];
}

/** An SLA instance with a mark due, and what its notifications need of the case. */
export type DueSlaRow = SlaRow & Omit<CaseRow, 'id'>;

export function clockOf(row: DueSlaRow): SlaClock {
  return {
    warnAt: row.warn_at,
    breachAt: row.breach_at,
    warnedAt: row.warned_at,
    violatedAt: row.violated_at,
    pausedAt: row.paused_at,
    stoppedAt: row.stopped_at,
    pauseInStates: row.pause_in_states,
  };
}

/**
 * The next batch: a window of due instances read in deadline order from
 * ix_sla_instances_next_mark (or its per-tenant twin) — a single-table walk whose plan does not
 * depend on statistics — whose cases are then claimed. The window's end is where the next batch
 * starts even when other runs hold some of its cases: those runs mark them.
 */
export async function claimDueSlas(
  tx: TransactionManager,
  claim: { now: Date; clientId?: string; after: string[] | null },
): Promise<ClaimedBatch<DueSlaRow>> {
  const params: unknown[] = [claim.now, CHECK_BATCH_SIZE];
  const where: string[] = [];
  if (claim.clientId) where.push(`client_id = $${params.push(claim.clientId)}`);
  if (claim.after) {
    const [at, id] = [params.push(claim.after[0]), params.push(claim.after[1])];
    where.push(`(next_mark_at, id) > ($${at}::timestamptz, $${id}::uuid)`);
  }
  const window = await tx.query<{ id: string; case_id: string; mark_cursor: string }>(
    `SELECT id, case_id, next_mark_at::text AS mark_cursor FROM sla_instances
      WHERE next_mark_at IS NOT NULL AND next_mark_at <= $1
        ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY next_mark_at, id
      LIMIT $2`,
    params,
  );
  const last = window[window.length - 1];
  if (!last) return { rows: [], next: null };
  const rows = await claimCaseSlas(tx, claim.now, [...new Set(window.map((w) => w.case_id))]);
  return { rows, next: [last.mark_cursor, last.id] };
}

/**
 * Claims open cases and returns all their due SLAs. Every writer of a case's SLA rows (case
 * commands, this check) locks the case row first, so the case lock is the claim: a case another
 * run or a command holds is skipped, not waited for (that run marks it, or the next run does).
 * The SLAs are read by a second statement, whose fresh snapshot already shows the marks made by
 * whoever held a case before us, so nothing is marked twice.
 */
export async function claimCaseSlas(
  tx: TransactionManager,
  now: Date,
  caseIds: string[],
): Promise<DueSlaRow[]> {
  const cases = await tx.query<CaseRow>(
    `SELECT id, client_id, display_id, details, priority_id, assigned_to_users, assigned_to_groups,
            watchers
       FROM cases
      WHERE id = ANY($1::uuid[]) AND state NOT IN ('COMPLETED', 'CANCELED')
        FOR UPDATE SKIP LOCKED`,
    [caseIds],
  );
  if (cases.length === 0) return [];
  const slas = await tx.query<SlaRow>(
    `SELECT id, case_id, sla_definition_id, name, warn_at, breach_at, warned_at, violated_at,
            paused_at, stopped_at, pause_in_states, escalations
       FROM sla_instances
      WHERE client_id = ANY($1::text[]) AND case_id = ANY($2::uuid[]) AND next_mark_at <= $3
      ORDER BY next_mark_at, id`,
    [[...new Set(cases.map((c) => c.client_id))], cases.map((c) => c.id), now],
  );
  const byId = new Map(cases.map((c) => [c.id, c]));
  return slas.map((sla) => ({ ...byId.get(sla.case_id)!, ...sla }));
}

export interface SlaMarks {
  row: DueSlaRow;
  warn: boolean;
  violate: boolean;
  /** Indices of the escalation rungs that fire now. */
  rungs: number[];
}

/**
 * Sets warned_at / violated_at of the claimed instances, then refreshes their cases' SLA summary
 * and appends the warned ones to the case's message_warned_slas in the same case write. Both
 * statements only fill what is still empty, and the case update touches those columns only (no
 * version bump), so it never undoes a user's change.
 */
export async function markSlas(tx: TransactionManager, marks: SlaMarks[], now: Date) {
  if (marks.length === 0) return;
  await tx.query(
    `UPDATE sla_instances si
        SET warned_at = CASE WHEN m.warn AND si.warned_at IS NULL THEN $2 ELSE si.warned_at END,
            violated_at = CASE WHEN m.violate AND si.violated_at IS NULL THEN $2 ELSE si.violated_at END
       FROM unnest($1::uuid[], $3::boolean[], $4::boolean[]) AS m(id, warn, violate)
      WHERE si.id = m.id`,
    [marks.map((m) => m.row.id), now, marks.map((m) => m.warn), marks.map((m) => m.violate)],
  );
  const warned = marks.filter((m) => m.warn);
  await refreshSlaSummary(
    tx,
    marks.map((m) => m.row.case_id),
    { caseIds: warned.map((m) => m.row.case_id), slaIds: warned.map((m) => m.row.id) },
  );
}

/**
 * Stamps the fired rungs' firedAt with the run's time and recomputes next_escalation_at (the
 * earliest dueAt still unfired) in one statement. A rung already fired keeps its firedAt, so a
 * repeated call changes nothing; the case lock the claim holds keeps other writers out.
 */
export async function fireRungs(tx: TransactionManager, marks: SlaMarks[], now: Date) {
  const fired = marks.flatMap((m) => m.rungs.map((rung) => ({ id: m.row.id, rung })));
  if (fired.length === 0) return;
  await tx.query(
    `WITH fired AS (
       SELECT id, array_agg(rung) AS rungs
         FROM unnest($1::uuid[], $2::int[]) AS f(id, rung) GROUP BY id
     ), ladder AS (
       SELECT si.id,
              jsonb_agg(CASE WHEN (r.n - 1)::int = ANY(f.rungs) AND r.v->>'firedAt' IS NULL
                             THEN r.v || jsonb_build_object('firedAt', $3::timestamptz)
                             ELSE r.v END ORDER BY r.n) AS escalations
         FROM sla_instances si
         JOIN fired f ON f.id = si.id
        CROSS JOIN LATERAL jsonb_array_elements(si.escalations) WITH ORDINALITY AS r(v, n)
        GROUP BY si.id
     )
     UPDATE sla_instances si
        SET escalations = l.escalations,
            next_escalation_at = (SELECT min((e->>'dueAt')::timestamptz)
                                    FROM jsonb_array_elements(l.escalations) AS e
                                   WHERE e->>'firedAt' IS NULL)
       FROM ladder l
      WHERE si.id = l.id`,
    [fired.map((f) => f.id), fired.map((f) => f.rung), now],
  );
}

/** The tenants with an SLA mark or escalation due at `now` (from ix_sla_instances_next_mark). */
export async function dueSlaTenants(tx: TransactionManager, now: Date): Promise<string[]> {
  const rows = await tx.query<{ client_id: string }>(
    `SELECT DISTINCT client_id FROM sla_instances
      WHERE next_mark_at IS NOT NULL AND next_mark_at <= $1 ORDER BY client_id`,
    [now],
  );
  return rows.map((r) => r.client_id);
}
