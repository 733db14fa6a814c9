import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseState } from '../../../src/shared/domain/case-state';

export interface CaseOverrides {
  caseTypeId?: string;
  priorityId?: string | null;
  state?: CaseState;
  details?: string;
  description?: string | null;
  initiatorId?: string;
  initiatorType?: 'USER' | 'CUSTOMER';
  assignedToUsers?: string[];
  assignedToGroups?: string[];
  tags?: string[];
  dueDate?: Date | null;
  createdAt?: Date;
}

export interface BuiltCase {
  id: string;
  displayId: string;
  createdAt: Date;
}

export interface BulkOptions {
  caseTypeIds: string[];
  priorityIds?: string[];
  start?: Date;
  stepMs?: number;
  users?: number;
  groups?: number;
  /** An SQL expression over the row number `g` for `cases.fields` (default `{}`). */
  fieldsSql?: string;
}

const MINUTE = 60_000;

/** A deterministic pseudo-random percentage per row `g` and attribute `salt`. */
const pct = (salt: number) => `((hashint4(g + ${salt})::bigint + 2147483648) % 100)`;

/**
 * Inserts definitions and cases of one tenant straight into the tables, so read-side tests do
 * not depend on the write side's routes. Each case is one minute newer than the previous one
 * unless `createdAt` is given; `displayId` is `CM<tenant>-<seq>` from the tenant's counter.
 */
export class CaseRowBuilder {
  private next: number;
  private defaultCaseType?: Promise<string>;
  private codes = 0;

  constructor(
    private readonly db: DataSource,
    readonly tenant: string,
    start = new Date('2026-01-01T00:00:00.000Z'),
  ) {
    this.next = start.getTime();
  }

  /** A case type under a fresh solution and process; returns the case type id. */
  async caseType(name = 'Incident'): Promise<string> {
    const row = await this.one(
      `WITH s AS (
         INSERT INTO solutions (client_id, name, code, created_by, created_at, updated_at)
         VALUES ($1, $2 || ' solution', $3, 'builder', now(), now()) RETURNING id),
       p AS (
         INSERT INTO processes (client_id, solution_id, name, code, created_by, created_at, updated_at)
         SELECT $1, s.id, $2 || ' process', $3, 'builder', now(), now() FROM s RETURNING id)
       INSERT INTO case_types (client_id, process_id, name, code, created_by, created_at, updated_at)
       SELECT $1, p.id, $2, $3, 'builder', now(), now() FROM p RETURNING id`,
      [this.tenant, name, this.code()],
    );
    return row.id as string;
  }

  async priority(level: number, name = `Level ${level}`): Promise<string> {
    const row = await this.one(
      `INSERT INTO priorities (client_id, name, code, level, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'builder', now(), now()) RETURNING id`,
      [this.tenant, name, this.code(), level],
    );
    return row.id as string;
  }

  async stateLabel(state: CaseState, label: string): Promise<void> {
    await this.db.query(
      `INSERT INTO case_status_labels (client_id, state, label, updated_by, updated_at)
       VALUES ($1, $2, $3, 'builder', now())`,
      [this.tenant, state, label],
    );
  }

  async create(overrides: CaseOverrides = {}): Promise<BuiltCase> {
    const createdAt = overrides.createdAt ?? new Date((this.next += MINUTE));
    const caseTypeId = overrides.caseTypeId ?? (await this.defaultType());
    const row = await this.one(
      `WITH counter AS (
         INSERT INTO case_counters (client_id, last_seq) VALUES ($1, 1)
         ON CONFLICT (client_id) DO UPDATE SET last_seq = case_counters.last_seq + 1
         RETURNING last_seq)
       INSERT INTO cases (id, client_id, seq, display_id, case_type_id, priority_id, priority_level,
         state, details, description, initiator_id, initiator_type, assigned_to_users,
         assigned_to_groups, tags, due_date, created_by, created_at, updated_by, updated_at)
       SELECT $2, $1, counter.last_seq, 'CM' || $1 || '-' || counter.last_seq, $3, $4::uuid,
         (SELECT level FROM priorities WHERE id = $4::uuid), $5, $6, $7, $8, $9, $10, $11, $12, $13,
         $8, $14, $8, $14
       FROM counter RETURNING id, display_id`,
      [
        this.tenant,
        randomUUID(),
        caseTypeId,
        overrides.priorityId ?? null,
        overrides.state ?? CaseState.NEW,
        overrides.details ?? 'A case',
        overrides.description ?? null,
        overrides.initiatorId ?? 'initiator',
        overrides.initiatorType ?? 'USER',
        overrides.assignedToUsers ?? [],
        overrides.assignedToGroups ?? [],
        overrides.tags ?? [],
        overrides.dueDate ?? null,
        createdAt,
      ],
    );
    return { id: row.id as string, displayId: row.display_id as string, createdAt };
  }

  /**
   * Inserts `count` cases in one statement (set-based, for plans and benchmarks): a service-desk
   * mix of states (40 % COMPLETED, 15 % IN_PROCESS, ...), case types round-robin, 10 % without
   * priority, 30 % with an agent, 60 % with a group, 30 % without due date, tags on 30 %.
   */
  async bulk(count: number, options: BulkOptions): Promise<void> {
    const { caseTypeIds, priorityIds = [], users = 500, groups = 20 } = options;
    const start = options.start ?? new Date(this.next);
    const stepMs = options.stepMs ?? 30_000;
    await this.db.query(
      `WITH counter AS (
         INSERT INTO case_counters (client_id, last_seq) VALUES ($1, $2)
         ON CONFLICT (client_id) DO UPDATE SET last_seq = case_counters.last_seq + $2
         RETURNING last_seq - $2 AS base),
       prio AS (
         SELECT array_agg(pr.id ORDER BY u.ord) AS ids, array_agg(pr.level ORDER BY u.ord) AS levels
         FROM unnest($4::uuid[]) WITH ORDINALITY u(id, ord) JOIN priorities pr ON pr.id = u.id)
       INSERT INTO cases (id, client_id, seq, display_id, case_type_id, priority_id, priority_level,
         state, details, description, initiator_id, initiator_type, assigned_to_users,
         assigned_to_groups, tags, due_date, created_by, created_at, updated_by, updated_at, fields)
       SELECT gen_random_uuid(), $1, base + g, 'CM' || $1 || '-' || (base + g),
         ($3::uuid[])[1 + g % cardinality($3::uuid[])],
         CASE WHEN ${pct(1)} >= 10 THEN prio.ids[1 + g % cardinality(prio.ids)] END,
         CASE WHEN ${pct(1)} >= 10 THEN prio.levels[1 + g % cardinality(prio.ids)] END,
         CASE WHEN ${pct(2)} < 10 THEN 'NEW' WHEN ${pct(2)} < 20 THEN 'OPENED'
              WHEN ${pct(2)} < 35 THEN 'IN_PROCESS' WHEN ${pct(2)} < 39 THEN 'REQUEST_INPUT'
              WHEN ${pct(2)} < 43 THEN 'ON_HOLD' WHEN ${pct(2)} < 53 THEN 'RESOLVED'
              WHEN ${pct(2)} < 55 THEN 'REOPENED' WHEN ${pct(2)} < 95 THEN 'COMPLETED'
              ELSE 'CANCELED' END,
         'Case ' || (base + g) || ': ' || (ARRAY['printer', 'laptop', 'network', 'password',
           'invoice', 'refund', 'access', 'email'])[1 + ${pct(3)} % 8],
         'Reported problem with the ' || (ARRAY['printer', 'laptop', 'vpn', 'billing', 'account',
           'mailbox', 'badge', 'phone', 'monitor', 'license'])[1 + ${pct(4)} % 10],
         'user' || (${pct(5)} * 7919 + g) % $5, 'USER',
         CASE WHEN ${pct(6)} < 30 THEN ARRAY['agent' || g % 200] ELSE '{}' END,
         CASE WHEN ${pct(7)} < 60 THEN ARRAY['group' || (${pct(8)} + g) % $6] ELSE '{}' END,
         CASE WHEN ${pct(9)} < 20 THEN ARRAY['vip'] WHEN ${pct(9)} < 30 THEN ARRAY['billing', 'urgent']
              ELSE '{}' END,
         CASE WHEN ${pct(10)} < 70 THEN $7::timestamptz + g * $8::bigint * interval '1 millisecond'
              + (g % 240) * interval '1 hour' END,
         'bulk', $7::timestamptz + g * $8::bigint * interval '1 millisecond',
         'bulk', $7::timestamptz + g * $8::bigint * interval '1 millisecond',
         ${options.fieldsSql ?? `'{}'::jsonb`}
       FROM counter, prio, generate_series(1, $2::int) g`,
      [this.tenant, count, caseTypeIds, priorityIds, users, groups, start, stepMs],
    );
    this.next = Math.max(this.next, start.getTime() + count * stepMs);
  }

  private defaultType(): Promise<string> {
    this.defaultCaseType ??= this.caseType();
    return this.defaultCaseType;
  }

  private code(): string {
    return `B${++this.codes}_${randomUUID().slice(0, 8)}`;
  }

  private async one(sql: string, params: unknown[]): Promise<Record<string, unknown>> {
    const rows = (await this.db.query(sql, params)) as Record<string, unknown>[];
    return rows[0];
  }
}
