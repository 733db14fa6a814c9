import { TransactionManager } from '../../../shared/database/transaction-manager';

/** SLA instances just warned, as parallel lists (case id, SLA instance id), in mark order. */
export interface SlaWarnings {
  caseIds: string[];
  slaIds: string[];
}

/**
 * Recomputes the SLA summary the case lists filter and sort on (`cases.sla_status`,
 * `cases.sla_due_at`) from the cases' open SLA instances. Call it in the transaction that wrote
 * the instances, after the write. It touches only those two columns (no version bump), and only
 * when they change, so it never undoes a user's change. `warned` (the SLA check's new warnings)
 * appends those SLA ids to their case's message_warned_slas, each once, in the same row write:
 * a case the check marks is rewritten once, not twice.
 *
 * - breached: an instance was violated;
 * - at-risk: none violated, one warned and still running or paused;
 * - met: every instance met its target;
 * - due at: the earliest breach still owed (running or paused, neither met nor violated).
 */
export async function refreshSlaSummary(
  tx: TransactionManager,
  caseIds: string[],
  warned: SlaWarnings = { caseIds: [], slaIds: [] },
): Promise<void> {
  if (caseIds.length === 0) return;
  await tx.query(
    `UPDATE cases c
        SET sla_status = s.status, sla_due_at = s.due_at,
            message_warned_slas = CASE WHEN s.warned IS NULL THEN c.message_warned_slas
              ELSE c.message_warned_slas
                   || ARRAY(SELECT w FROM unnest(s.warned) AS w WHERE w <> ALL(c.message_warned_slas))
            END
       FROM (SELECT k.id,
                    CASE WHEN bool_or(si.violated_at IS NOT NULL) THEN 'breached'
                         WHEN bool_or(si.warned_at IS NOT NULL AND si.met_at IS NULL
                                      AND si.stopped_at IS NULL) THEN 'at-risk'
                         WHEN count(si.id) > 0 AND bool_and(si.met_at IS NOT NULL) THEN 'met'
                    END AS status,
                    min(si.breach_at) FILTER (WHERE si.violated_at IS NULL AND si.met_at IS NULL
                                                AND si.stopped_at IS NULL) AS due_at,
                    min(w.sla_ids) AS warned
               FROM cases k
               LEFT JOIN sla_instances si
                 ON si.client_id = k.client_id AND si.case_id = k.id AND si.closed_at IS NULL
               LEFT JOIN (SELECT case_id, array_agg(sla_id ORDER BY n) AS sla_ids
                            FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS t(case_id, sla_id, n)
                           GROUP BY case_id) w ON w.case_id = k.id
              WHERE k.id = ANY($1::uuid[])
              GROUP BY k.id) s
      WHERE c.id = s.id
        AND (c.sla_status IS DISTINCT FROM s.status OR c.sla_due_at IS DISTINCT FROM s.due_at
             OR NOT (COALESCE(s.warned, '{}') <@ c.message_warned_slas))`,
    [[...new Set(caseIds)], warned.caseIds, warned.slaIds],
  );
}
