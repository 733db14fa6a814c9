/*
 * The fair baseline of bench/sla-check.ts: the same writes as the SLA check's transactions, as
 * one hand-written set-based statement, on a copy of the application's data in a schema migrated
 * like it (same tables, indexes, generated next_mark_at, foreign keys), and the comparison of
 * what both sides wrote, row by row.
 */
import { Client } from 'pg';

/**
 * Copies every table `from` has rows in and the freshly migrated `to` has none into `to`
 * (generated columns recomputed; foreign keys checked at the end of the copy, not row by row).
 */
export async function copySchema(admin: Client, from: string, to: string): Promise<string[]> {
  const { rows: tables } = await admin.query<{ name: string }>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
    [from],
  );
  const copied: string[] = [];
  await admin.query('BEGIN');
  await admin.query(`SET LOCAL session_replication_role = replica`);
  for (const { name: table } of tables) {
    const { rows: has } = await admin.query<{ a: boolean; b: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${from}.${table}) AS a, EXISTS (SELECT 1 FROM ${to}.${table}) AS b`,
    );
    if (!has[0].a || has[0].b) continue;
    const { rows } = await admin.query<{ name: string }>(
      `SELECT quote_ident(column_name) AS name FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = $2 AND is_generated = 'NEVER'
          AND identity_generation IS DISTINCT FROM 'ALWAYS'
        ORDER BY ordinal_position`,
      [from, table],
    );
    const columns = rows.map((r) => r.name).join(', ');
    await admin.query(
      `INSERT INTO ${to}.${table} (${columns}) SELECT ${columns} FROM ${from}.${table}`,
    );
    copied.push(table);
  }
  await admin.query('COMMIT');
  await admin.query(`ANALYZE ${copied.map((t) => `${to}.${t}`).join(', ')}`);
  return copied;
}

/**
 * What SlaCheck writes for each due instance of an open case, in one statement ($1: the run's
 * time): warned_at / violated_at (next_mark_at follows, generated), the case's
 * message_warned_slas and SLA summary (sla_status, sla_due_at, recomputed from its open
 * instances as refreshSlaSummary does), one outbox event per mark numbered per case from
 * outbox_sequences, with the payload the check's events carry (the mark and the followed case),
 * and one activity entry per mark. Notifications are not the check's: the outbox relay records
 * them after commit (deadline-notifications), so neither side writes them here.
 */
/** A timestamp as JSON.stringify writes a Date (the check's payloads are built in JavaScript). */
const JS_TIME = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const BASELINE_SQL = `
  WITH due AS (
    SELECT si.id, si.client_id, si.case_id, si.sla_definition_id, si.name, si.warn_at,
           si.breach_at, si.next_mark_at,
           si.stopped_at IS NULL AND si.warned_at IS NULL
             AND si.warn_at <= LEAST($1::timestamptz, COALESCE(si.paused_at, $1)) AS warn,
           si.stopped_at IS NULL AND si.violated_at IS NULL
             AND si.breach_at <= LEAST($1::timestamptz, COALESCE(si.paused_at, $1)) AS violate,
           c.display_id, c.details, c.assigned_to_users, c.assigned_to_groups, c.watchers
      FROM sla_instances si
      JOIN cases c ON c.id = si.case_id AND c.client_id = si.client_id
     WHERE si.next_mark_at IS NOT NULL AND si.next_mark_at <= $1
       AND c.state NOT IN ('COMPLETED', 'CANCELED')
  ), marks AS (
    SELECT * FROM due WHERE warn OR violate
  ), marked AS (
    UPDATE sla_instances si
       SET warned_at = CASE WHEN m.warn THEN $1 ELSE si.warned_at END,
           violated_at = CASE WHEN m.violate THEN $1 ELSE si.violated_at END
      FROM marks m
     WHERE si.id = m.id
    RETURNING si.id
  ), summary AS (
    SELECT k.id,
           CASE WHEN bool_or(si.violated_at IS NOT NULL OR m.violate) THEN 'breached'
                WHEN bool_or((si.warned_at IS NOT NULL OR m.warn) AND si.met_at IS NULL
                             AND si.stopped_at IS NULL) THEN 'at-risk'
                WHEN count(si.id) > 0 AND bool_and(si.met_at IS NOT NULL) THEN 'met'
           END AS status,
           min(si.breach_at) FILTER (WHERE si.violated_at IS NULL AND m.violate IS NOT TRUE
                                       AND si.met_at IS NULL AND si.stopped_at IS NULL) AS due_at,
           array_agg(si.id::text ORDER BY si.next_mark_at, si.id) FILTER (WHERE m.warn) AS warned
      FROM cases k
      LEFT JOIN sla_instances si
        ON si.client_id = k.client_id AND si.case_id = k.id AND si.closed_at IS NULL
      LEFT JOIN marks m ON m.id = si.id
     WHERE k.id IN (SELECT case_id FROM marks)
     GROUP BY k.id
  ), cased AS (
    UPDATE cases c
       SET sla_status = s.status, sla_due_at = s.due_at,
           message_warned_slas = c.message_warned_slas
             || ARRAY(SELECT x FROM unnest(COALESCE(s.warned, '{}')) x
                       WHERE x <> ALL(c.message_warned_slas))
      FROM summary s
     WHERE c.id = s.id
       AND (c.sla_status IS DISTINCT FROM s.status OR c.sla_due_at IS DISTINCT FROM s.due_at
            OR NOT (COALESCE(s.warned, '{}') <@ c.message_warned_slas))
    RETURNING c.id
  ), events AS (
    SELECT m.client_id, m.case_id, e.type,
           row_number() OVER (ORDER BY m.next_mark_at, m.id, e.k) AS n,
           jsonb_build_object('slaInstanceId', m.id, 'slaDefinitionId', m.sla_definition_id,
                              'name', m.name, 'warnAt', ${JS_TIME('m.warn_at')},
                              'breachAt', ${JS_TIME('m.breach_at')}) AS data,
           jsonb_build_object('displayId', m.display_id, 'details', m.details,
                              'watchers', m.watchers, 'assignedToUsers', m.assigned_to_users,
                              'assignedToGroups', m.assigned_to_groups) AS followed
      FROM marks m
     CROSS JOIN LATERAL (VALUES (1, 'sla.warned', m.warn), (2, 'sla.violated', m.violate))
           AS e(k, type, fires)
     WHERE e.fires
  ), counters AS (
    INSERT INTO outbox_sequences AS s (client_id, aggregate_id, last_seq)
    SELECT client_id, case_id::text, count(*) FROM events
     GROUP BY client_id, case_id ORDER BY client_id, case_id::text
    ON CONFLICT (client_id, aggregate_id) DO UPDATE SET last_seq = s.last_seq + EXCLUDED.last_seq
    RETURNING client_id, aggregate_id, last_seq
  ), outboxed AS (
    INSERT INTO outbox (client_id, aggregate_id, type, payload, occurred_at, seq)
    SELECT e.client_id, e.case_id::text, e.type,
           e.data || jsonb_build_object('caseId', e.case_id, 'actorId', 'system',
                                        'case', e.followed),
           $1, c.last_seq - count(*) OVER w + row_number() OVER (w ORDER BY e.n)
      FROM events e
      JOIN counters c ON c.client_id = e.client_id AND c.aggregate_id = e.case_id::text
    WINDOW w AS (PARTITION BY e.client_id, e.case_id)
    RETURNING 1
  ), logged AS (
    INSERT INTO case_activities (client_id, case_id, type, actor_id, on_behalf_of, occurred_at,
                                 data)
    SELECT client_id, case_id, type, 'system', NULL, $1, data FROM events ORDER BY n
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM marks WHERE warn)::int AS warned,
         (SELECT count(*) FROM marks WHERE violate)::int AS violated,
         (SELECT count(*) FROM marked)::int AS instances,
         (SELECT count(*) FROM cased)::int AS cases,
         (SELECT count(*) FROM outboxed)::int AS events,
         (SELECT count(*) FROM logged)::int AS activities`;

/** Rows each side wrote, by table (counted in its schema after the run; $1: the run's time). */
export const WRITTEN_SQL = (schema: string) => `
  SELECT (SELECT count(*) FROM ${schema}.sla_instances WHERE warned_at = $1)::int AS warned,
         (SELECT count(*) FROM ${schema}.sla_instances WHERE violated_at = $1)::int AS violated,
         (SELECT count(*) FROM ${schema}.cases WHERE sla_status IS NOT NULL)::int AS summaries,
         (SELECT count(*) FROM ${schema}.cases
           WHERE cardinality(message_warned_slas) > 0)::int AS "messageWarned",
         (SELECT count(*) FROM ${schema}.outbox)::int AS events,
         (SELECT coalesce(sum(last_seq), 0) FROM ${schema}.outbox_sequences)::int AS sequenced,
         (SELECT count(*) FROM ${schema}.case_activities)::int AS activities,
         (SELECT count(*) FROM ${schema}.notifications)::int AS notifications`;

/** How many rows of `table`'s `columns` are on one side only (a multiset difference both ways). */
const oneSideOnly = (a: string, b: string, table: string, columns: string) => `
    (SELECT count(*) FROM (
       (SELECT ${columns} FROM ${a}.${table} EXCEPT ALL SELECT ${columns} FROM ${b}.${table})
       UNION ALL
       (SELECT ${columns} FROM ${b}.${table} EXCEPT ALL SELECT ${columns} FROM ${a}.${table})) d
    )::int`;

/** Rows that differ between the two sides, by table (ids are the same: the data was copied). */
export const DIFF_SQL = (a: string, b: string) => `
  SELECT
    (SELECT count(*) FROM ${a}.sla_instances x JOIN ${b}.sla_instances y USING (id)
      WHERE (x.warned_at, x.violated_at, x.next_mark_at)
            IS DISTINCT FROM (y.warned_at, y.violated_at, y.next_mark_at))::int AS instances,
    (SELECT count(*) FROM ${a}.cases x JOIN ${b}.cases y USING (id)
      WHERE (x.sla_status, x.sla_due_at, x.message_warned_slas)
            IS DISTINCT FROM (y.sla_status, y.sla_due_at, y.message_warned_slas))::int AS cases,
    ${oneSideOnly(a, b, 'outbox', 'aggregate_id, seq, type, payload')} AS events,
    ${oneSideOnly(a, b, 'outbox_sequences', 'client_id, aggregate_id, last_seq')} AS sequences,
    ${oneSideOnly(a, b, 'case_activities', 'case_id, type, actor_id, data')} AS activities`;
