import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { Outbox } from '../../../shared/outbox/outbox';
import { CaseType } from '../domain/case-type';
import { AssignmentRule } from '../domain/case-type-assignment';
import { CaseFieldDefinition, parseFieldDefinitions } from '../case-field-definition';
import { CaseTypeConfig, Milestone, SlaDefinition } from '../domain/case-type-config';
import { CaseTypeRepository } from '../domain/case-type.repository';
import {
  DEFINITION_COLUMNS,
  definitionParams,
  definitionProps,
  DefinitionRow,
  updateShared,
} from './definition-row';

interface CaseTypeRow extends DefinitionRow {
  process_id: string;
  calendar_id: string | null;
  auto_close_hours: number | null;
  due_in_hours: number | null;
  warn_before_hours: number | null;
  slas: SlaDefinition[];
  milestones: Milestone[];
  default_priority_id: string | null;
  default_assigned_to_groups: string[];
  assignment: AssignmentRule | null;
  fields: CaseFieldDefinition[];
}

const CONFIG_UPDATE = `, auto_close_hours = EXCLUDED.auto_close_hours,
  due_in_hours = EXCLUDED.due_in_hours, warn_before_hours = EXCLUDED.warn_before_hours,
  slas = EXCLUDED.slas, milestones = EXCLUDED.milestones,
  default_priority_id = EXCLUDED.default_priority_id,
  default_assigned_to_groups = EXCLUDED.default_assigned_to_groups,
  assignment = EXCLUDED.assignment, fields = EXCLUDED.fields, calendar_id = EXCLUDED.calendar_id`;

function restore(row: CaseTypeRow): CaseType {
  return CaseType.restore({
    ...definitionProps(row),
    processId: row.process_id,
    config: CaseTypeConfig.restore({
      calendarId: row.calendar_id,
      autoCloseHours: row.auto_close_hours,
      dueDate:
        row.due_in_hours === null
          ? null
          : { dueInHours: row.due_in_hours, warnBeforeHours: row.warn_before_hours ?? 0 },
      slas: row.slas,
      milestones: row.milestones,
      defaultPriorityId: row.default_priority_id,
      defaultAssignedToGroups: row.default_assigned_to_groups,
      assignment: row.assignment,
      fields: parseFieldDefinitions(row.fields),
    }),
  });
}

@Injectable()
export class CaseTypeSqlRepository extends CaseTypeRepository {
  constructor(
    private readonly tx: TransactionManager,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async findById(clientId: string, id: string): Promise<CaseType | null> {
    const [row] = await this.tx.query<CaseTypeRow>(
      `SELECT ${DEFINITION_COLUMNS}, process_id, auto_close_hours::float8 AS auto_close_hours,
              due_in_hours::float8 AS due_in_hours, warn_before_hours::float8 AS warn_before_hours,
              slas, milestones, default_priority_id, default_assigned_to_groups, assignment,
              fields, calendar_id
         FROM case_types WHERE client_id = $1 AND id = $2 AND deleted_at IS NULL
       ${this.tx.inTransaction ? 'FOR UPDATE' : ''}`,
      [clientId, id],
    );
    return row ? restore(row) : null;
  }

  async codeTaken(clientId: string, code: string, exceptId?: string): Promise<boolean> {
    const rows = await this.tx.query(
      `SELECT 1 FROM case_types WHERE client_id = $1 AND lower(code) = lower($2)
          AND deleted_at IS NULL AND id IS DISTINCT FROM $3`,
      [clientId, code, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async save(caseType: CaseType): Promise<void> {
    const p = caseType.snapshot;
    const c = p.config.data;
    await this.tx.query(
      `INSERT INTO case_types (${DEFINITION_COLUMNS}, process_id, auto_close_hours, due_in_hours,
         warn_before_hours, slas, milestones, default_priority_id, default_assigned_to_groups,
         assignment, fields, calendar_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16::jsonb,
         $17, $18::text[], $19::jsonb, $20::jsonb, $21)
       ${updateShared('case_types', CONFIG_UPDATE)}`,
      [
        ...definitionParams(p),
        p.processId,
        c.autoCloseHours,
        c.dueDate?.dueInHours ?? null,
        c.dueDate?.warnBeforeHours ?? null,
        JSON.stringify(c.slas),
        JSON.stringify(c.milestones),
        c.defaultPriorityId,
        c.defaultAssignedToGroups,
        c.assignment && JSON.stringify(c.assignment),
        JSON.stringify(c.fields),
        c.calendarId,
      ],
    );
    await this.outbox.append(caseType.pullEvents());
  }
}
