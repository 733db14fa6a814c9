import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { MilestoneDefinition } from '../domain/case-milestones';
import {
  CasePriority,
  CaseTypeConfig,
  CaseTypeConfigReader,
} from '../domain/case-type-config.reader';

interface CaseTypeRow {
  id: string;
  name: string;
  available: boolean;
  auto_close_hours: string | null;
  due_in_hours: string | null;
  warn_before_hours: string | null;
  milestones: MilestoneDefinition[] | null;
  default_priority_id: string | null;
  default_assigned_to_groups: string[];
}

const num = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

/** Milestone definitions as the definitions module stores them (jsonb on case_types). */
export function parseMilestones(raw: MilestoneDefinition[] | null): MilestoneDefinition[] {
  return (raw ?? []).map((m) => ({ name: m.name, percent: Number(m.percent), onState: m.onState }));
}

/** Reads the definitions tables directly: this module never imports the definitions module. */
@Injectable()
export class CaseTypeConfigSqlReader extends CaseTypeConfigReader {
  constructor(private readonly tx: TransactionManager) {
    super();
  }

  async findCaseType(clientId: string, caseTypeId: string): Promise<CaseTypeConfig | null> {
    const [row] = await this.tx.query<CaseTypeRow>(
      `SELECT ct.id, ct.name, ct.auto_close_hours, ct.due_in_hours, ct.warn_before_hours,
              ct.milestones, ct.default_priority_id, ct.default_assigned_to_groups,
              (ct.active AND ct.deleted_at IS NULL AND p.active AND p.deleted_at IS NULL
                AND s.active AND s.deleted_at IS NULL) AS available
         FROM case_types ct
         JOIN processes p ON p.id = ct.process_id
         JOIN solutions s ON s.id = p.solution_id
        WHERE ct.client_id = $1 AND ct.id = $2`,
      [clientId, caseTypeId],
    );
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      available: row.available,
      autoCloseHours: num(row.auto_close_hours),
      dueInHours: num(row.due_in_hours),
      warnBeforeHours: num(row.warn_before_hours),
      milestones: parseMilestones(row.milestones),
      defaultPriorityId: row.default_priority_id,
      defaultAssignedToGroups: row.default_assigned_to_groups ?? [],
    };
  }

  /** FOR SHARE in a command: a concurrent priority delete (CASE4099) waits for this case or wins. */
  async findPriority(clientId: string, priorityId: string | null): Promise<CasePriority | null> {
    if (!priorityId) return null;
    const [row] = await this.tx.query<CasePriority>(
      `SELECT id, level FROM priorities
        WHERE client_id = $1 AND id = $2 AND deleted_at IS NULL AND active
        ${this.tx.inTransaction ? 'FOR SHARE' : ''}`,
      [clientId, priorityId],
    );
    return row ?? null;
  }
}
