import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CalendarWeeks, weekIn } from '../../calendars';
import { CaseTypeCatalog, SlaDefinition } from '../../definitions';
import { spanMs } from '../domain/business-clock';
import { differs, recomputed } from '../domain/sla-recompute';
import { refreshSlaSummary } from './sla-summary.sql';
import { loadInstances, saveInstances, SlaInstanceClock } from './sla-instances.sql';
import { withCalendars } from './sla-tracker.sql';

/** Cases per transaction: each batch locks its cases, so a batch stays short. */
export const RECOMPUTE_BATCH = 50;

export type RecomputeScope =
  { kind: 'calendar'; calendarId: string } | { kind: 'caseType'; caseTypeId: string };

/**
 * Recomputes the open SLA instances a calendar or case type change affects, in batches of
 * RECOMPUTE_BATCH cases, each in its own transaction that locks its case rows first (FOR UPDATE,
 * in id order, as every writer of SLA rows does), then the instances. Idempotent: a batch
 * redone recomputes the same values and writes nothing.
 */
@Injectable()
export class SlaRecompute {
  constructor(
    private readonly tx: TransactionManager,
    private readonly calendars: CalendarWeeks,
    private readonly catalog: CaseTypeCatalog,
  ) {}

  /** Returns how many instances changed. */
  async run(clientId: string, scope: RecomputeScope): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let changed = 0;
    for (;;) {
      const caseIds = await this.nextCases(clientId, scope, after);
      if (caseIds.length === 0) return changed;
      changed += await this.tx.run(() => this.batch(clientId, scope, caseIds));
      after = caseIds[caseIds.length - 1];
      if (caseIds.length < RECOMPUTE_BATCH) return changed;
    }
  }

  /**
   * The case's open instances with what recomputing them under the type's `definitions` (the
   * current ones when absent) would give; reads only.
   */
  async pairs(
    clientId: string,
    caseIds: string[],
    definitions: readonly SlaDefinition[] | undefined,
    lock = false,
  ): Promise<{ before: SlaInstanceClock; after: SlaInstanceClock }[]> {
    const instances = await loadInstances(this.tx, clientId, caseIds, { lock });
    const ids = [
      ...instances.map((c) => c.calendarId),
      ...(definitions ?? []).map((d) => d.calendarId),
    ];
    const weeks = await this.calendars.find(clientId, ids);
    const weekOf = (id: string | null) => weekIn(weeks, id).week;
    return instances.map((c) => {
      const before = { ...c, elapsedMs: spanMs(weekOf(c.calendarId), c.spans, 'running') };
      return { before, after: recomputed(before, weekOf, definitions) };
    });
  }

  /** Open cases of the case type with open instances, after `after`, in id order. */
  async openCasesOfType(clientId: string, caseTypeId: string, after: string, limit: number) {
    return this.casesWhere(clientId, 'c.case_type_id = $4', caseTypeId, after, limit);
  }

  private nextCases(clientId: string, scope: RecomputeScope, after: string): Promise<string[]> {
    return scope.kind === 'calendar'
      ? this.casesWhere(clientId, 'si.calendar_id = $4', scope.calendarId, after, RECOMPUTE_BATCH)
      : this.openCasesOfType(clientId, scope.caseTypeId, after, RECOMPUTE_BATCH);
  }

  private async casesWhere(
    clientId: string,
    condition: string,
    value: string,
    after: string,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.tx.query<{ id: string }>(
      `SELECT DISTINCT c.id FROM cases c
         JOIN sla_instances si ON si.client_id = c.client_id AND si.case_id = c.id
        WHERE c.client_id = $1 AND c.id > $2 AND si.closed_at IS NULL AND ${condition}
        ORDER BY c.id LIMIT $3`,
      [clientId, after, limit, value],
    );
    return rows.map((r) => r.id);
  }

  private async batch(clientId: string, scope: RecomputeScope, caseIds: string[]) {
    await this.tx.query(
      `SELECT id FROM cases WHERE client_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
      [clientId, caseIds],
    );
    const definitions =
      scope.kind === 'caseType' ? await this.definitions(clientId, scope) : undefined;
    const pairs = await this.pairs(clientId, caseIds, definitions, true);
    const changed = pairs.filter(({ before, after }) => differs(before, after)).map((p) => p.after);
    await saveInstances(this.tx, changed);
    await refreshSlaSummary(this.tx, [...new Set(changed.map((c) => c.caseId))]);
    return changed.length;
  }

  private async definitions(clientId: string, scope: { caseTypeId: string }) {
    const type = await this.catalog.findAny(clientId, scope.caseTypeId);
    return withCalendars(type.slas, type.calendarId);
  }
}
