import { DataSource } from 'typeorm';
import { Actor } from '../../src/shared/auth/actor';
import { Permission } from '../../src/shared/auth/permission.enum';

export interface CaseTrail {
  row: Record<string, unknown> | undefined;
  activities: {
    type: string;
    actor_id: string;
    on_behalf_of: string | null;
    data: Record<string, unknown>;
  }[];
  outbox: string[];
  comments: { id: string; text: string; kind: string }[];
  slaInstances: number;
}

/** Everything a case command may write, read straight from the tables. */
export async function caseTrail(
  db: DataSource,
  tenant: string,
  caseId: string,
): Promise<CaseTrail> {
  const [row] = (await db.query(`SELECT * FROM cases WHERE client_id = $1 AND id = $2`, [
    tenant,
    caseId,
  ])) as Record<string, unknown>[];
  const activities = await db.query(
    `SELECT type, actor_id, on_behalf_of, data FROM case_activities
      WHERE client_id = $1 AND case_id = $2 ORDER BY seq`,
    [tenant, caseId],
  );
  const outbox = (
    (await db.query(`SELECT type FROM outbox WHERE client_id = $1 AND aggregate_id = $2`, [
      tenant,
      caseId,
    ])) as { type: string }[]
  )
    .map((r) => r.type)
    .sort();
  const comments = await db.query(
    `SELECT id, text, kind FROM case_comments WHERE client_id = $1 AND case_id = $2 ORDER BY created_at, id`,
    [tenant, caseId],
  );
  const [{ n }] = (await db.query(
    `SELECT count(*)::int AS n FROM sla_instances WHERE client_id = $1 AND case_id = $2`,
    [tenant, caseId],
  )) as { n: number }[];
  return { row, activities, outbox, comments, slaInstances: n };
}

export async function tenantCounts(
  db: DataSource,
  tenant: string,
): Promise<Record<'cases' | 'activities' | 'outbox' | 'comments' | 'slas' | 'counter', number>> {
  const [counts] = (await db.query(
    `SELECT (SELECT count(*)::int FROM cases WHERE client_id = $1) AS cases,
            (SELECT count(*)::int FROM case_activities WHERE client_id = $1) AS activities,
            (SELECT count(*)::int FROM outbox WHERE client_id = $1) AS outbox,
            (SELECT count(*)::int FROM case_comments WHERE client_id = $1) AS comments,
            (SELECT count(*)::int FROM sla_instances WHERE client_id = $1) AS slas,
            COALESCE((SELECT last_seq::int FROM case_counters WHERE client_id = $1), 0) AS counter`,
    [tenant],
  )) as Record<'cases' | 'activities' | 'outbox' | 'comments' | 'slas' | 'counter', number>[];
  return counts;
}

export function userActor(
  tenant: string,
  user = 'alice',
  permissions: Permission[] = [Permission.CASE_ALL],
  groups: string[] = [],
): Actor {
  return new Actor(tenant, user, new Set(permissions), groups);
}
