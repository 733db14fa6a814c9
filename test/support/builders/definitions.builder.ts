import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseState } from '../../../src/shared/domain/case-state';
import { TEST_START } from '../test-app';

export interface SlaSpec {
  id?: string;
  name: string;
  priorityId?: string | null;
  warnAfterMinutes: number;
  breachAfterMinutes: number;
  pauseInStates?: CaseState[];
  metric?: 'resolution' | 'firstResponse';
  calendarId?: string | null;
  escalations?: { atPercent: number; actions: Record<string, unknown>[] }[];
}

export interface MilestoneSpec {
  name: string;
  percent: number;
  onState: CaseState;
}

export interface CaseTypeSpec {
  name?: string;
  active?: boolean;
  deleted?: boolean;
  processActive?: boolean;
  processDeleted?: boolean;
  solutionActive?: boolean;
  solutionDeleted?: boolean;
  autoCloseHours?: number | null;
  dueInHours?: number | null;
  warnBeforeHours?: number | null;
  slas?: SlaSpec[];
  milestones?: MilestoneSpec[];
  defaultPriorityId?: string | null;
  defaultAssignedToGroups?: string[];
  calendarId?: string | null;
}

export interface BuiltCaseType {
  id: string;
  name: string;
  processId: string;
  solutionId: string;
}

export interface BuiltPriority {
  id: string;
  level: number;
}

const code = (prefix: string) => `${prefix}_${randomUUID().slice(0, 8)}`;

/**
 * Definitions inserted straight into the foundation tables, so case tests need no
 * definitions routes. One solution and process per case type.
 */
export class DefinitionsBuilder {
  constructor(
    private readonly dataSource: DataSource,
    readonly tenant: string,
  ) {}

  async caseType(spec: CaseTypeSpec = {}): Promise<BuiltCaseType> {
    const at = TEST_START;
    const deletedAt = (deleted?: boolean) => (deleted ? at : null);
    const solutionId = await this.insert(
      `INSERT INTO solutions (client_id, name, code, active, created_by, created_at, updated_at, deleted_at)
       VALUES ($1, $2, $3, $4, 'builder', $5, $5, $6) RETURNING id`,
      [
        this.tenant,
        'Support',
        code('SOL'),
        spec.solutionActive ?? true,
        at,
        deletedAt(spec.solutionDeleted),
      ],
    );
    const processId = await this.insert(
      `INSERT INTO processes (client_id, solution_id, name, code, active, created_by, created_at, updated_at, deleted_at)
       VALUES ($1, $2, $3, $4, $5, 'builder', $6, $6, $7) RETURNING id`,
      [
        this.tenant,
        solutionId,
        'Incidents',
        code('PRO'),
        spec.processActive ?? true,
        at,
        deletedAt(spec.processDeleted),
      ],
    );
    const name = spec.name ?? `Type ${randomUUID().slice(0, 6)}`;
    const slas = (spec.slas ?? []).map((s) => ({
      id: s.id ?? randomUUID(),
      name: s.name,
      priorityId: s.priorityId ?? null,
      warnAfterMinutes: s.warnAfterMinutes,
      breachAfterMinutes: s.breachAfterMinutes,
      pauseInStates: s.pauseInStates ?? [],
      metric: s.metric ?? 'resolution',
      calendarId: s.calendarId ?? null,
      targetMinutes: s.breachAfterMinutes,
      escalations: s.escalations ?? [],
    }));
    const id = await this.insert(
      `INSERT INTO case_types (client_id, process_id, name, code, active, auto_close_hours, due_in_hours,
         warn_before_hours, slas, milestones, default_priority_id, default_assigned_to_groups,
         created_by, created_at, updated_at, deleted_at, calendar_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, 'builder', $13, $13, $14,
         $15)
       RETURNING id`,
      [
        this.tenant,
        processId,
        name,
        code('CT'),
        spec.active ?? true,
        spec.autoCloseHours ?? null,
        spec.dueInHours ?? null,
        spec.warnBeforeHours ?? null,
        JSON.stringify(slas),
        JSON.stringify(spec.milestones ?? []),
        spec.defaultPriorityId ?? null,
        spec.defaultAssignedToGroups ?? [],
        at,
        deletedAt(spec.deleted),
        spec.calendarId ?? null,
      ],
    );
    return { id, name, processId, solutionId };
  }

  async priority(
    spec: { level?: number; active?: boolean; deleted?: boolean; name?: string } = {},
  ): Promise<BuiltPriority> {
    const level = spec.level ?? 1;
    const id = await this.insert(
      `INSERT INTO priorities (client_id, name, code, level, active, created_by, created_at, updated_at, deleted_at)
       VALUES ($1, $2, $3, $4, $5, 'builder', $6, $6, $7) RETURNING id`,
      [
        this.tenant,
        spec.name ?? `P${level}`,
        code('PRI'),
        level,
        spec.active ?? true,
        TEST_START,
        spec.deleted ? TEST_START : null,
      ],
    );
    return { id, level };
  }

  private async insert(sql: string, params: unknown[]): Promise<string> {
    const [row] = (await this.dataSource.query(sql, params)) as { id: string }[];
    return row.id;
  }
}
