import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseState } from '../../../shared/domain/case-state';
import { Outbox } from '../../../shared/outbox/outbox';
import { CalendarWeeks, weekIn, WorkingWeek } from '../../calendars';
import { CaseTypeCatalog, SlaDefinition } from '../../definitions';
import { clockAt, respondedAt, spanMs, startBusinessClock } from '../domain/business-clock';
import { SlaReselectedEvent } from '../domain/events/sla-reselected.event';
import { reselect } from '../domain/sla-clock';
import { CaseClockChange, CaseClockStart, SlaTracker } from '../sla-tracker';
import { refreshSlaSummary } from './sla-summary.sql';
import {
  insertInstances,
  loadInstances,
  saveInstances,
  SlaInstanceClock,
} from './sla-instances.sql';

type Weeks = (calendarId: string | null) => WorkingWeek;

/** The definitions with the calendar each counts on: its own, else the case type's. */
export function withCalendars(
  definitions: readonly SlaDefinition[],
  caseTypeCalendarId: string | null,
): SlaDefinition[] {
  return definitions.map((d) => ({ ...d, calendarId: d.calendarId ?? caseTypeCalendarId }));
}

/** Moves a case's SLA clocks with its saved changes (see SlaTracker). */
@Injectable()
export class SqlSlaTracker extends SlaTracker {
  constructor(
    private readonly tx: TransactionManager,
    private readonly outbox: Outbox,
    private readonly catalog: CaseTypeCatalog,
    private readonly calendars: CalendarWeeks,
  ) {
    super();
  }

  async start(start: CaseClockStart): Promise<void> {
    const definitions = start.definitions
      ? [...start.definitions]
      : await this.definitionsOf(start.clientId, start.caseTypeId);
    const applying = definitions.filter(
      (d) => d.priorityId === null || d.priorityId === start.priorityId,
    );
    await this.insert(start, applying, start.state);
  }

  async track(change: CaseClockChange): Promise<void> {
    if (!change.stateChanged && !change.priorityChange) return;
    // The command holds the case row, which every writer of its SLA rows (the SLA check too)
    // locks first: these rows cannot change until this transaction ends.
    const { running, weeks } = await this.open(change.clientId, change.caseId);
    const moved = running.map((c) => clockAt(c, weeks(c.calendarId), change.state, change.at));
    await saveInstances(
      this.tx,
      moved.filter((c, i) => c !== running[i]),
    );
    if (change.priorityChange) await this.reselect(change, change.priorityChange, running);
    await refreshSlaSummary(this.tx, [change.caseId]);
  }

  async respond(clientId: string, caseId: string, at: Date): Promise<void> {
    const { running, weeks } = await this.open(clientId, caseId);
    const met = running.map((c) => respondedAt(c, weeks(c.calendarId), at));
    const changed = met.filter((c, i) => c !== running[i]);
    if (changed.length === 0) return;
    await saveInstances(this.tx, changed);
    await refreshSlaSummary(this.tx, [caseId]);
  }

  /** The case's open instances (locked) with their elapsed time, and their calendars' weeks. */
  private async open(clientId: string, caseId: string) {
    const instances = await loadInstances(this.tx, clientId, [caseId], { lock: true });
    const found = await this.calendars.find(
      clientId,
      instances.map((c) => c.calendarId),
    );
    const weeks: Weeks = (id) => weekIn(found, id).week;
    const running = instances.map((c) => ({
      ...c,
      elapsedMs: spanMs(weeks(c.calendarId), c.spans, 'running'),
    }));
    return { running, weeks };
  }

  private async reselect(
    change: CaseClockChange,
    priority: { from: string | null; to: string | null },
    running: SlaInstanceClock[],
  ): Promise<void> {
    const definitions = await this.definitionsOf(change.clientId, change.caseTypeId);
    const { close, start } = reselect(running, definitions, priority.to);
    if (close.length === 0 && start.length === 0) return;
    if (close.length > 0) {
      await this.tx.query(`UPDATE sla_instances SET closed_at = $2 WHERE id = ANY($1::uuid[])`, [
        close,
        change.at,
      ]);
    }
    const started = await this.insert(change, start, change.state);
    const closed = running.filter((c) => close.includes(c.id));
    const event = new SlaReselectedEvent(
      change.clientId,
      change.caseId,
      change.at,
      {
        priorityId: { old: priority.from, new: priority.to },
        closed: closed.map(({ id, slaDefinitionId, name }) => ({ id, slaDefinitionId, name })),
        started,
      },
      change.actorId,
      change.onBehalfOf,
    );
    await this.outbox.append([event]);
  }

  private async definitionsOf(clientId: string, caseTypeId: string): Promise<SlaDefinition[]> {
    const type = await this.catalog.findAny(clientId, caseTypeId);
    return withCalendars(type.slas, type.calendarId);
  }

  private async insert(
    on: { clientId: string; caseId: string; at: Date },
    definitions: SlaDefinition[],
    state: CaseState,
  ) {
    if (definitions.length === 0) return [];
    const found = await this.calendars.find(
      on.clientId,
      definitions.map((d) => d.calendarId),
    );
    const started: SlaInstanceClock[] = definitions.map((d) => ({
      id: randomUUID(),
      caseId: on.caseId,
      slaDefinitionId: d.id,
      name: d.name,
      calendarId: d.calendarId,
      createdAt: on.at,
      closedAt: null,
      ...startBusinessClock(
        {
          metric: d.metric,
          pauseInStates: d.pauseInStates,
          warnMinutes: d.warnAfterMinutes,
          targetMinutes: d.breachAfterMinutes,
          escalations: d.escalations,
        },
        weekIn(found, d.calendarId).week,
        state,
        on.at,
      ),
    }));
    await insertInstances(this.tx, on.clientId, started);
    await refreshSlaSummary(this.tx, [on.caseId]);
    return started.map(({ id, slaDefinitionId, name, warnAt, breachAt }) => ({
      id,
      slaDefinitionId,
      name,
      warnAt,
      breachAt,
    }));
  }
}
