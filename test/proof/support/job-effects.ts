import { DataSource } from 'typeorm';
import { CaseRowBuilder } from '../../support/builders/case-rows.builder';

/** Each seeded case has one assigned user, one watcher and one assigned group. */
export const RECIPIENTS_PER_MARK = 3;

async function one<T>(db: DataSource, sql: string, params: unknown[]): Promise<T> {
  return ((await db.query(sql, params)) as T[])[0];
}

/**
 * `count` open cases of `tenant` with one SLA each, inserted set-based relative to the database's
 * now() (the services run on the real clock): of every 5 cases, 2 are past their warning, 2 past
 * their breach too, and 1 due in an hour (never marked during a test). Unless `ladders` is
 * false, each SLA has an escalation ladder: at 30 minutes notify `lead` (due for 4 of 5), at 3 hours (due for the 2 past
 * their breach) assign the group `escalations` on about a quarter of the cases (a case edit
 * each) and notify the group `leads` on the others, at 10 hours notify (never due).
 */
export async function seedSlaCases(
  db: DataSource,
  tenant: string,
  count: number,
  { ladders = true }: { ladders?: boolean } = {},
): Promise<{ warnDue: number; breachDue: number; rungsDue: number; assignDue: number }> {
  const typeId = await new CaseRowBuilder(db, tenant).caseType('Incident');
  await db.query(`UPDATE case_types SET slas = $2::jsonb WHERE id = $1`, [
    typeId,
    JSON.stringify([
      {
        id: 'response',
        name: 'Response',
        warnAfterMinutes: 60,
        breachAfterMinutes: 240,
        pauseInStates: ['ON_HOLD'],
      },
    ]),
  ]);
  await db.query(
    `WITH c AS (
       INSERT INTO cases (id, client_id, seq, display_id, case_type_id, state, details,
                          initiator_id, initiator_type, assigned_to_users, assigned_to_groups,
                          watchers, created_by, created_at, updated_by, updated_at)
       SELECT gen_random_uuid(), $1, g, 'CM' || $1 || '-' || g, $2,
              (ARRAY['NEW', 'OPENED', 'IN_PROCESS', 'REOPENED'])[1 + g % 4], 'Case ' || g,
              'user' || g % 97, 'USER', ARRAY['agent' || g % 50], ARRAY['group' || g % 8],
              ARRAY['watcher' || g % 31], 'seed', created, 'seed', created
         FROM generate_series(1, $3::int) g,
              LATERAL (SELECT now() - CASE WHEN g % 5 = 0 THEN interval '1 minute'
                                           WHEN g % 5 IN (1, 2) THEN interval '2 hours'
                                           ELSE interval '5 hours' END
                                    - g * interval '1 millisecond' AS created) t
       RETURNING id, created_at)
     INSERT INTO sla_instances (id, client_id, case_id, sla_definition_id, name, warn_at,
                                breach_at, pause_in_states, created_at, escalations,
                                next_escalation_at)
     SELECT gen_random_uuid(), $1, c.id, 'response', 'Response', c.created_at + interval '1 hour',
            c.created_at + interval '4 hours', '{ON_HOLD}', c.created_at,
            CASE WHEN $4::boolean THEN jsonb_build_array(
              jsonb_build_object('atPercent', 12, 'dueAt', c.created_at + interval '30 minutes',
                'actions', jsonb_build_array(jsonb_build_object('type', 'notify', 'users', jsonb_build_array('lead')))),
              jsonb_build_object('atPercent', 75, 'dueAt', c.created_at + interval '3 hours',
                'actions', jsonb_build_array(CASE WHEN get_byte(uuid_send(c.id), 0) < 64
                  THEN jsonb_build_object('type', 'assign', 'groups', jsonb_build_array('escalations'))
                  ELSE jsonb_build_object('type', 'notify', 'groups', jsonb_build_array('leads')) END)),
              jsonb_build_object('atPercent', 250, 'dueAt', c.created_at + interval '10 hours',
                'actions', jsonb_build_array(jsonb_build_object('type', 'notify', 'users', jsonb_build_array('lead')))))
            ELSE '[]'::jsonb END,
            CASE WHEN $4::boolean THEN c.created_at + interval '30 minutes' END
       FROM c`,
    [tenant, typeId, count, ladders],
  );
  await db.query(`INSERT INTO case_counters (client_id, last_seq) VALUES ($1, $2)`, [
    tenant,
    count,
  ]);
  await db.query('ANALYZE cases, sla_instances');
  const due = await one<{
    warn: number;
    breach: number;
    notify: number;
    late: number;
    assign: number;
  }>(
    db,
    `SELECT count(*) FILTER (WHERE warn_at <= now())::int AS warn,
            count(*) FILTER (WHERE breach_at <= now())::int AS breach,
            count(*) FILTER (WHERE created_at + interval '30 minutes' <= now())::int AS notify,
            count(*) FILTER (WHERE created_at + interval '3 hours' <= now())::int AS late,
            count(*) FILTER (WHERE created_at + interval '3 hours' <= now()
                               AND escalations->1->'actions' @> '[{"type": "assign"}]')::int AS assign
       FROM sla_instances WHERE client_id = $1`,
    [tenant],
  );
  return {
    warnDue: due.warn,
    breachDue: due.breach,
    rungsDue: ladders ? due.notify + due.late : 0,
    assignDue: ladders ? due.assign : 0,
  };
}

export async function slaMarksWritten(db: DataSource, tenant: string): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM sla_instances WHERE client_id = $1 AND warned_at IS NOT NULL`,
    [tenant],
  );
  return row.n;
}

export interface SlaEffects {
  warned: number;
  violated: number;
  /** Due marks not made, and marks made before their deadline. */
  missing: number;
  early: number;
  /** Distinct warned_at stamps: one per run that marked something. */
  stamps: number;
  /** Activity entries per mark that are not exactly one, and their total. */
  badActivity: number;
  activities: number;
  /** Marks whose dedupe key has not exactly one notification per recipient, and the total. */
  badNotifications: number;
  notifications: number;
  /** Cases whose message_warned_slas is not exactly their warned SLA (or empty). */
  badWarnedLists: number;
  /** Outbox events of SLA marks. */
  events: number;
}

/**
 * The tenant's outbox events the relay has not delivered yet: the SLA notifications are recorded
 * after commit by its subscriber, so they are counted once this is 0.
 */
export async function undelivered(db: DataSource, tenant: string): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM outbox WHERE client_id = $1 AND published_at IS NULL`,
    [tenant],
  );
  return row.n;
}

export async function slaEffects(db: DataSource, tenant: string): Promise<SlaEffects> {
  const marks = await one<Omit<SlaEffects, `bad${string}` | 'activities' | 'notifications'>>(
    db,
    `SELECT count(warned_at)::int AS warned, count(violated_at)::int AS violated,
            (count(*) FILTER (WHERE warn_at <= now() AND warned_at IS NULL)
             + count(*) FILTER (WHERE breach_at <= now() AND violated_at IS NULL))::int AS missing,
            (count(*) FILTER (WHERE warned_at < warn_at)
             + count(*) FILTER (WHERE violated_at < breach_at))::int AS early,
            count(DISTINCT warned_at)::int AS stamps,
            (SELECT count(*)::int FROM outbox
              WHERE client_id = $1 AND type IN ('sla.warned', 'sla.violated')) AS events
       FROM sla_instances WHERE client_id = $1`,
    [tenant],
  );
  const activity = await one<{ bad: number; total: number }>(
    db,
    `WITH expected AS (
       SELECT id, 'sla.warned' AS type FROM sla_instances WHERE client_id = $1 AND warned_at IS NOT NULL
       UNION ALL
       SELECT id, 'sla.violated' FROM sla_instances WHERE client_id = $1 AND violated_at IS NOT NULL),
     actual AS (
       SELECT (data->>'slaInstanceId')::uuid AS id, type, count(*) AS n FROM case_activities
        WHERE client_id = $1 AND type IN ('sla.warned', 'sla.violated') GROUP BY 1, 2)
     SELECT count(*) FILTER (WHERE a.n IS DISTINCT FROM 1 OR e.id IS NULL)::int AS bad,
            COALESCE(sum(a.n), 0)::int AS total
       FROM expected e FULL JOIN actual a ON a.id = e.id AND a.type = e.type`,
    [tenant],
  );
  const notes = await one<{ bad: number; total: number }>(
    db,
    `WITH expected AS (
       SELECT 'sla.warning:' || id AS key FROM sla_instances WHERE client_id = $1 AND warned_at IS NOT NULL
       UNION ALL
       SELECT 'sla.violated:' || id FROM sla_instances WHERE client_id = $1 AND violated_at IS NOT NULL),
     actual AS (
       SELECT dedupe_key AS key, count(*) AS n,
              count(DISTINCT (recipient_kind, recipient_id)) AS recipients
         FROM notifications
        WHERE client_id = $1 AND (dedupe_key LIKE 'sla.warning:%' OR dedupe_key LIKE 'sla.violated:%')
        GROUP BY 1)
     SELECT count(*) FILTER (WHERE e.key IS NULL OR a.n IS DISTINCT FROM $2
                                   OR a.recipients IS DISTINCT FROM $2)::int AS bad,
            COALESCE(sum(a.n), 0)::int AS total
       FROM expected e FULL JOIN actual a ON a.key = e.key`,
    [tenant, RECIPIENTS_PER_MARK],
  );
  const lists = await one<{ bad: number }>(
    db,
    `SELECT count(*)::int AS bad FROM cases c JOIN sla_instances s ON s.case_id = c.id
      WHERE c.client_id = $1
        AND c.message_warned_slas <> CASE WHEN s.warned_at IS NULL THEN '{}'::text[]
                                          ELSE ARRAY[s.id::text] END`,
    [tenant],
  );
  return {
    ...marks,
    badActivity: activity.bad,
    activities: activity.total,
    badNotifications: notes.bad,
    notifications: notes.total,
    badWarnedLists: lists.bad,
  };
}

/**
 * `count` RESOLVED cases of `tenant` whose type auto-closes one hour after resolution: 4 of every 5
 * resolved two hours ago (eligible), 1 resolved ten minutes ago (not yet).
 */
export async function seedResolvedCases(
  db: DataSource,
  tenant: string,
  count: number,
): Promise<{ eligible: number }> {
  const typeId = await new CaseRowBuilder(db, tenant).caseType('Request');
  await db.query(`UPDATE case_types SET auto_close_hours = 1 WHERE id = $1`, [typeId]);
  await db.query(
    `INSERT INTO cases (id, client_id, seq, display_id, case_type_id, state, details,
                        initiator_id, initiator_type, assigned_to_users, resolution, resolved_by,
                        resolution_date, created_by, created_at, updated_by, updated_at)
     SELECT gen_random_uuid(), $1, g, 'CM' || $1 || '-' || g, $2, 'RESOLVED', 'Case ' || g,
            'user' || g % 97, 'USER', ARRAY['agent' || g % 50], 'Done', 'agent' || g % 50,
            resolved, 'seed', resolved - interval '1 day', 'seed', resolved
       FROM generate_series(1, $3::int) g,
            LATERAL (SELECT now() - CASE WHEN g % 5 = 0 THEN interval '10 minutes'
                                         ELSE interval '2 hours' END
                                  - g * interval '1 millisecond' AS resolved) t`,
    [tenant, typeId, count],
  );
  await db.query(`INSERT INTO case_counters (client_id, last_seq) VALUES ($1, $2)`, [
    tenant,
    count,
  ]);
  await db.query('ANALYZE cases');
  return { eligible: count - Math.floor(count / 5) };
}

export async function completedCount(db: DataSource, tenant: string): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM cases WHERE client_id = $1 AND state = 'COMPLETED'`,
    [tenant],
  );
  return row.n;
}

export interface AutoCloseEffects {
  completed: number;
  stillResolved: number;
  /** Completed cases whose version is not 2 (seeded 1, one completion). */
  badVersions: number;
  /** Cases with a completion entry count other than one (completed) or zero (not). */
  badCompletions: number;
  completions: number;
  /** Messages left on the queue or dead-lettered, anywhere in the database. */
  queued: number;
  deadLetters: number;
}

export async function autoCloseEffects(db: DataSource, tenant: string): Promise<AutoCloseEffects> {
  return one<AutoCloseEffects>(
    db,
    `WITH per_case AS (
       SELECT c.id, c.state, c.version,
              (SELECT count(*) FROM case_activities a
                WHERE a.client_id = c.client_id AND a.case_id = c.id AND a.type = 'case.completed') AS n
         FROM cases c WHERE c.client_id = $1)
     SELECT count(*) FILTER (WHERE state = 'COMPLETED')::int AS completed,
            count(*) FILTER (WHERE state = 'RESOLVED')::int AS "stillResolved",
            count(*) FILTER (WHERE state = 'COMPLETED' AND version <> 2)::int AS "badVersions",
            count(*) FILTER (WHERE n <> CASE WHEN state = 'COMPLETED' THEN 1 ELSE 0 END)::int
              AS "badCompletions",
            COALESCE(sum(n), 0)::int AS completions,
            (SELECT count(*)::int FROM queue_messages) AS queued,
            (SELECT count(*)::int FROM queue_dead_letters) AS "deadLetters"
       FROM per_case`,
    [tenant],
  );
}
