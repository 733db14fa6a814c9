import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseState } from '../../../shared/domain/case-state';
import { Directory } from '../../../shared/directory/directory';
import { NotFoundError } from '../../../shared/errors/domain-error';
import { CalendarWeeks } from '../../calendars';
import { CaseTypeCatalog } from '../../definitions';
import { CaseTypeRules } from '../domain/case.props';
import { MilestoneDefinition } from '../domain/case-milestones';
import {
  CasePriority,
  CaseTypeConfig,
  CaseTypeConfigReader,
} from '../domain/case-type-config.reader';

const num = (value: string | number | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

/** Milestone definitions as the definitions module stores them (jsonb on case_types). */
export function parseMilestones(
  raw: readonly Partial<MilestoneDefinition>[] | null,
): MilestoneDefinition[] {
  return (raw ?? []).map((m) => ({
    name: String(m.name),
    percent: Number(m.percent),
    onState: m.onState as CaseState,
  }));
}

/** Case types through the definitions module's port (CaseTypeCatalog); priorities by SQL. */
@Injectable()
export class CaseTypeConfigSqlReader extends CaseTypeConfigReader {
  constructor(
    private readonly tx: TransactionManager,
    private readonly catalog: CaseTypeCatalog,
    private readonly directory: Directory,
    private readonly calendars: CalendarWeeks,
  ) {
    super();
  }

  async findCaseType(clientId: string, caseTypeId: string): Promise<CaseTypeConfig | null> {
    const type = await this.catalog.findAny(clientId, caseTypeId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!type) return null;
    const calendar = await this.calendars.weekOf(clientId, type.calendarId);
    return {
      id: type.id,
      name: type.name,
      available: type.available,
      autoCloseHours: num(type.autoCloseHours),
      dueInHours: num(type.dueDate?.dueInHours),
      warnBeforeHours: num(type.dueDate?.warnBeforeHours),
      ...(!calendar.aroundTheClock && { dueCalendar: calendar.week }),
      milestones: parseMilestones(type.milestones),
      slas: type.slas.map((s) => ({ ...s, calendarId: s.calendarId ?? type.calendarId })),
      defaultPriorityId: type.defaultPriorityId,
      defaultAssignedToGroups: type.defaultAssignedToGroups ?? [],
      assignment: type.assignment,
      fields: type.fields,
    };
  }

  async findRules(clientId: string, caseTypeId: string): Promise<CaseTypeRules> {
    const type = await this.catalog.findAny(clientId, caseTypeId);
    return {
      name: type.name,
      milestones: parseMilestones(type.milestones),
      warnBeforeHours: num(type.dueDate?.warnBeforeHours),
      fields: type.fields,
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

  async unknownUsers(clientId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const active = new Set(
      (await this.directory.findUsers(clientId, userIds)).filter((u) => u.active).map((u) => u.id),
    );
    const unknown = userIds.filter((id) => !active.has(id));
    if (unknown.length === 0) return [];
    // A tenant that keeps no directory (users only in tokens) accepts any id.
    const { items } = await this.directory.listUsers(clientId, {}, 1);
    return items.length === 0 ? [] : unknown;
  }
}
