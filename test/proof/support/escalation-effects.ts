import { DataSource } from 'typeorm';

/** What the SLA check did with the escalation ladders of seedSlaCases' tenant. */
export interface EscalationEffects {
  /** Rungs fired, rungs due but not fired, rungs fired before their dueAt. */
  fired: number;
  missing: number;
  early: number;
  /** Fired rungs without exactly one sla.escalated event / activity entry (or strays). */
  badEvents: number;
  badActivity: number;
  /** Fired notify rungs without exactly one notification (to `lead` or `leads`), and the total. */
  badNotifications: number;
  notifications: number;
  /** Cases whose assign rung fired but are not assigned `escalations` once at version 2, or not fired yet changed. */
  badAssignments: number;
}

const RUNGS = `
  SELECT s.id, (r->>'atPercent')::int AS pct, (r->>'dueAt')::timestamptz AS due,
         (r->>'firedAt')::timestamptz AS fired, r->'actions' AS actions
    FROM sla_instances s, jsonb_array_elements(s.escalations) r
   WHERE s.client_id = $1`;

/** One row per fired rung joined to `counted` (id, pct, n): how many are not exactly one. */
const bad = (counted: string) => `
  WITH rungs AS (${RUNGS}), counted AS (${counted})
  SELECT count(*)::int AS n
    FROM (SELECT id, pct FROM rungs WHERE fired IS NOT NULL) f
    FULL JOIN counted c ON c.id = f.id AND c.pct = f.pct
   WHERE f.id IS NULL OR c.n IS DISTINCT FROM 1`;

export async function escalationEffects(
  db: DataSource,
  tenant: string,
): Promise<EscalationEffects> {
  const q = async (sql: string) => ((await db.query(sql, [tenant])) as Record<string, number>[])[0];
  const rungs = await q(
    `WITH rungs AS (${RUNGS})
     SELECT count(fired)::int AS fired,
            count(*) FILTER (WHERE due <= now() AND fired IS NULL)::int AS missing,
            count(*) FILTER (WHERE fired < due)::int AS early
       FROM rungs`,
  );
  const events = await q(
    bad(`SELECT (payload->>'slaInstanceId')::uuid AS id, (payload->>'atPercent')::int AS pct,
                count(*) AS n
           FROM outbox WHERE client_id = $1 AND type = 'sla.escalated' GROUP BY 1, 2`),
  );
  const activity = await q(
    bad(`SELECT (data->>'slaInstanceId')::uuid AS id, (data->>'atPercent')::int AS pct,
                count(*) AS n
           FROM case_activities WHERE client_id = $1 AND type = 'sla.escalated' GROUP BY 1, 2`),
  );
  const notes = await q(
    `WITH rungs AS (${RUNGS}),
     expected AS (SELECT 'sla.escalated:' || id || ':' || pct AS key FROM rungs
                   WHERE fired IS NOT NULL AND actions @> '[{"type": "notify"}]'),
     actual AS (SELECT dedupe_key AS key, count(*) AS n FROM notifications
                 WHERE client_id = $1 AND dedupe_key LIKE 'sla.escalated:%' GROUP BY 1)
     SELECT count(*) FILTER (WHERE e.key IS NULL OR a.n IS DISTINCT FROM 1)::int AS bad,
            COALESCE(sum(a.n), 0)::int AS total
       FROM expected e FULL JOIN actual a ON a.key = e.key`,
  );
  const assignments = await q(
    `WITH rungs AS (${RUNGS}),
     assigned AS (SELECT s.case_id, bool_or(r.fired IS NOT NULL) AS fired
                    FROM rungs r JOIN sla_instances s ON s.id = r.id
                   WHERE r.actions @> '[{"type": "assign"}]' GROUP BY 1)
     SELECT count(*)::int AS n FROM cases c JOIN assigned a ON a.case_id = c.id
      WHERE CASE WHEN a.fired
                 THEN cardinality(array_positions(c.assigned_to_groups, 'escalations')) <> 1
                      OR c.version <> 2
                 ELSE 'escalations' = ANY(c.assigned_to_groups) OR c.version <> 1 END`,
  );
  return {
    fired: rungs.fired,
    missing: rungs.missing,
    early: rungs.early,
    badEvents: events.n,
    badActivity: activity.n,
    badNotifications: notes.bad,
    notifications: notes.total,
    badAssignments: assignments.n,
  };
}
