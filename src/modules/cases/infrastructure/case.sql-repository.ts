import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseRef, caseRefCondition } from '../../../shared/domain/case-ref';
import { CaseState } from '../../../shared/domain/case-state';
import { Outbox } from '../../../shared/outbox/outbox';
import { Case } from '../domain/case.aggregate';
import { StaleCaseVersionError } from '../domain/case.errors';
import { CaseProps, CaseRelation, InitiatorType } from '../domain/case.props';
import { CaseRepository } from '../domain/case.repository';
import { CaseFields } from '../domain/case-fields';
import { ReachedMilestone } from '../domain/case-milestones';
import { CaseTypeConfigReader } from '../domain/case-type-config.reader';

type Column = readonly [column: string, value: (p: CaseProps) => unknown];

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** Every column the aggregate owns; the first six never change after insert. */
const COLUMNS: readonly Column[] = [
  ['id', (p) => p.id],
  ['client_id', (p) => p.clientId],
  ['seq', (p) => p.seq],
  ['display_id', (p) => p.displayId],
  ['created_by', (p) => p.createdBy],
  ['created_at', (p) => p.createdAt],
  ['case_type_id', (p) => p.caseTypeId],
  ['priority_id', (p) => p.priorityId],
  ['priority_level', (p) => p.priorityLevel],
  ['state', (p) => p.state],
  ['details', (p) => p.details],
  ['description', (p) => p.description],
  ['initiator_id', (p) => p.initiatorId],
  ['initiator_type', (p) => p.initiatorType],
  ['first_name', (p) => p.firstName],
  ['assigned_to_users', (p) => p.assignedToUsers],
  ['assigned_to_groups', (p) => p.assignedToGroups],
  ['location', (p) => p.location],
  ['location_id', (p) => p.locationId],
  ['location_code', (p) => p.locationCode],
  ['tags', (p) => p.tags],
  ['watchers', (p) => p.watchers],
  ['resolution', (p) => p.resolution],
  ['resolved_by', (p) => p.resolvedBy],
  ['resolution_date', (p) => p.resolutionDate],
  ['case_relation', (p) => json(p.caseRelation)],
  ['transferred_to', (p) => json(p.transferredTo)],
  ['merged_into', (p) => p.mergedInto],
  ['completed_percent', (p) => p.completedPercent],
  ['milestones', (p) => json(p.milestones)],
  ['due_date', (p) => p.dueDate],
  ['due_date_warning', (p) => p.dueDateWarning],
  ['marked_due_date_warning', (p) => p.markedDueDateWarning],
  ['marked_due_date_exceeded', (p) => p.markedDueDateExceeded],
  ['message_warned_slas', (p) => p.messageWarnedSlas],
  ['fields', (p) => JSON.stringify(p.fields)],
  ['updated_by', (p) => p.updatedBy],
  ['updated_at', (p) => p.updatedAt],
];
const MUTABLE = COLUMNS.slice(6);

interface CaseRow {
  [column: string]: unknown;
}

function toProps(r: CaseRow): CaseProps {
  const text = (key: string) => r[key] as string;
  const maybe = <T>(key: string) => (r[key] ?? null) as T | null;
  return {
    id: text('id'),
    clientId: text('client_id'),
    seq: Number(r.seq),
    displayId: text('display_id'),
    caseTypeId: text('case_type_id'),
    priorityId: maybe<string>('priority_id'),
    priorityLevel: maybe<number>('priority_level'),
    state: r.state as CaseState,
    details: text('details'),
    description: maybe<string>('description'),
    initiatorId: text('initiator_id'),
    initiatorType: r.initiator_type as InitiatorType,
    firstName: maybe<string>('first_name'),
    assignedToUsers: r.assigned_to_users as string[],
    assignedToGroups: r.assigned_to_groups as string[],
    location: maybe<string>('location'),
    locationId: maybe<string>('location_id'),
    locationCode: maybe<string>('location_code'),
    tags: r.tags as string[],
    watchers: r.watchers as string[],
    resolution: maybe<string>('resolution'),
    resolvedBy: maybe<string>('resolved_by'),
    resolutionDate: maybe<Date>('resolution_date'),
    caseRelation: maybe<CaseRelation>('case_relation'),
    transferredTo: maybe<CaseRelation>('transferred_to'),
    mergedInto: maybe<string>('merged_into'),
    completedPercent: Number(r.completed_percent),
    milestones: r.milestones as ReachedMilestone[],
    dueDate: maybe<Date>('due_date'),
    dueDateWarning: maybe<Date>('due_date_warning'),
    markedDueDateWarning: r.marked_due_date_warning as boolean,
    markedDueDateExceeded: r.marked_due_date_exceeded as boolean,
    messageWarnedSlas: r.message_warned_slas as string[],
    fields: (r.fields ?? {}) as CaseFields,
    version: Number(r.version),
    createdBy: text('created_by'),
    createdAt: r.created_at as Date,
    updatedBy: text('updated_by'),
    updatedAt: r.updated_at as Date,
  };
}

// The statements' texts, built once: the same string on every call, so naming the prepared
// statement neither copies nor hashes it again.
const NAMES = COLUMNS.map(([c]) => c).join(', ');
const INSERT_SQL = `INSERT INTO cases (${NAMES}, version)
  VALUES (${[...COLUMNS, 'version'].map((_, i) => `$${i + 1}`).join(', ')})`;
const UPDATE_SQL = `UPDATE cases SET ${MUTABLE.map(([c], i) => `${c} = $${i + 4}`).join(', ')},
         version = version + 1
   WHERE id = $1 AND client_id = $2 AND version = $3 RETURNING version`;
const findSql = (column: string, lock: boolean) =>
  `SELECT ${NAMES}, version FROM cases WHERE client_id = $1 AND ${column} = $2 ${lock ? 'FOR UPDATE' : ''}`;
const FIND_SQL = {
  id: { lock: findSql('id', true), read: findSql('id', false) },
  display_id: { lock: findSql('display_id', true), read: findSql('display_id', false) },
};

@Injectable()
export class CaseSqlRepository extends CaseRepository {
  // Every statement here has a fixed text (a few variants at most) and a key lookup or a plain
  // insert for a plan, and runs on every command: prepared (TransactionManager.queryPrepared).
  constructor(
    private readonly tx: TransactionManager,
    private readonly outbox: Outbox,
    private readonly types: CaseTypeConfigReader,
  ) {
    super();
  }

  async nextSequence(clientId: string): Promise<number> {
    this.requireTransaction();
    // The counter row stays locked until commit, so concurrent creates of a tenant queue here:
    // no duplicate ever, and a rollback returns its number (no gap).
    const [row] = await this.tx.queryPrepared<{ last_seq: string }>(
      `INSERT INTO case_counters (client_id, last_seq) VALUES ($1, 1)
       ON CONFLICT (client_id) DO UPDATE SET last_seq = case_counters.last_seq + 1
       RETURNING last_seq`,
      [clientId],
    );
    return Number(row.last_seq);
  }

  async findForUpdate(clientId: string, ref: CaseRef): Promise<Case | null> {
    const { column, value } = caseRefCondition(ref);
    const texts = FIND_SQL[column];
    const sql = this.tx.inTransaction ? texts.lock : texts.read;
    const [row] = await this.tx.queryPrepared<CaseRow>(sql, [clientId, value]);
    if (!row) return null;
    const props = toProps(row);
    return Case.restore(props, await this.types.findRules(clientId, props.caseTypeId));
  }

  /**
   * The case row and its events, nothing else: the comment rows, SLA instances and clocks and the
   * activity entries are written by their modules' in-transaction subscribers (Outbox.append),
   * the notifications after commit by the outbox relay.
   */
  async save(kase: Case): Promise<void> {
    this.requireTransaction();
    const events = kase.pullEvents();
    if (events.length === 0) return;
    const version = kase.isNew
      ? await this.insert(kase.snapshot)
      : await this.update(kase.snapshot);
    await this.outbox.append(events);
    kase.markSaved(version);
  }

  private async insert(p: CaseProps): Promise<number> {
    const params = [...COLUMNS.map(([, value]) => value(p)), 1];
    await this.tx.write(INSERT_SQL, params, { prepared: true });
    return 1;
  }

  /** The version guard stays under FOR UPDATE: a caller that skipped the lock still loses nothing. */
  private async update(p: CaseProps): Promise<number> {
    const [row] = await this.tx.queryPrepared<{ version: number }>(UPDATE_SQL, [
      p.id,
      p.clientId,
      p.version,
      ...MUTABLE.map(([, value]) => value(p)),
    ]);
    if (!row) throw new StaleCaseVersionError(p.version);
    return row.version;
  }

  private requireTransaction(): void {
    if (!this.tx.inTransaction)
      throw new Error('CaseRepository writes need a transaction (tx.run)');
  }
}
