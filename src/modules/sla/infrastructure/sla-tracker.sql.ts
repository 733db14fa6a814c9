import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseState } from '../../../shared/domain/case-state';
import { Outbox } from '../../../shared/outbox/outbox';
import { CaseTypeCatalog, SlaDefinition } from '../../definitions';
import { clockIn, reselect, SlaClock, startClock } from '../domain/sla-clock';
import { SlaReselectedEvent } from '../domain/events/sla-reselected.event';
import { NewSlaInstance } from '../domain/sla-instances-at-creation';
import { CaseClockChange, SlaTracker } from '../sla-tracker';

interface InstanceRow {
  id: string;
  sla_definition_id: string;
  name: string;
  warn_at: Date;
  breach_at: Date;
  warned_at: Date | null;
  violated_at: Date | null;
  paused_at: Date | null;
  stopped_at: Date | null;
  pause_in_states: CaseState[];
}

type TrackedClock = SlaClock & { id: string; slaDefinitionId: string; name: string };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toClock(r: InstanceRow): TrackedClock {
  return {
    id: r.id,
    slaDefinitionId: r.sla_definition_id,
    name: r.name,
    warnAt: r.warn_at,
    breachAt: r.breach_at,
    warnedAt: r.warned_at,
    violatedAt: r.violated_at,
    pausedAt: r.paused_at,
    stoppedAt: r.stopped_at,
    pauseInStates: r.pause_in_states,
  };
}

/** Moves a case's SLA clocks with its saved changes (see SlaTracker). */
@Injectable()
export class SqlSlaTracker extends SlaTracker {
  constructor(
    private readonly tx: TransactionManager,
    private readonly outbox: Outbox,
    private readonly catalog: CaseTypeCatalog,
  ) {
    super();
  }

  async start(clientId: string, caseId: string, instances: NewSlaInstance[]): Promise<void> {
    if (instances.length === 0) return;
    const params: unknown[] = [clientId, caseId];
    const rows = instances.map((s) => {
      const values = [s.id, s.slaDefinitionId, s.name, s.warnAt, s.breachAt, s.createdAt];
      return `($1, $2, ${[...values, s.pauseInStates].map((v) => `$${params.push(v)}`).join(', ')})`;
    });
    await this.tx.query(
      `INSERT INTO sla_instances (client_id, case_id, id, sla_definition_id, name, warn_at,
                                  breach_at, created_at, pause_in_states)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }

  async track(change: CaseClockChange): Promise<void> {
    if (!change.stateChanged && !change.priorityChange) return;
    // The command holds the case row, which every writer of its SLA rows (the SLA check too)
    // locks first: these rows cannot change until this transaction ends.
    const rows = await this.tx.query<InstanceRow>(
      `SELECT id, sla_definition_id, name, warn_at, breach_at, warned_at, violated_at, paused_at,
              stopped_at, pause_in_states
         FROM sla_instances
        WHERE client_id = $1 AND case_id = $2 AND closed_at IS NULL
        ORDER BY created_at, id
          FOR UPDATE`,
      [change.clientId, change.caseId],
    );
    const running = rows.map(toClock);
    const moved = running.map((c) => clockIn(c, change.state, change.at));
    await this.saveClocks(moved.filter((c, i) => c !== running[i]));
    if (change.priorityChange) await this.reselect(change, change.priorityChange, running);
  }

  private async saveClocks(clocks: TrackedClock[]): Promise<void> {
    if (clocks.length === 0) return;
    await this.tx.query(
      `UPDATE sla_instances si
          SET warn_at = u.warn_at, breach_at = u.breach_at, paused_at = u.paused_at,
              stopped_at = u.stopped_at
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[],
                     $5::timestamptz[]) AS u(id, warn_at, breach_at, paused_at, stopped_at)
        WHERE si.id = u.id`,
      [
        clocks.map((c) => c.id),
        clocks.map((c) => iso(c.warnAt)),
        clocks.map((c) => iso(c.breachAt)),
        clocks.map((c) => iso(c.pausedAt)),
        clocks.map((c) => iso(c.stoppedAt)),
      ],
    );
  }

  private async reselect(
    change: CaseClockChange,
    priority: { from: string | null; to: string | null },
    running: TrackedClock[],
  ): Promise<void> {
    const { close, start } = reselect(running, await this.definitionsOf(change), priority.to);
    if (close.length === 0 && start.length === 0) return;
    if (close.length > 0) {
      await this.tx.query(`UPDATE sla_instances SET closed_at = $2 WHERE id = ANY($1::uuid[])`, [
        close,
        change.at,
      ]);
    }
    const started = await this.insert(change, start);
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

  private async definitionsOf(change: CaseClockChange): Promise<SlaDefinition[]> {
    return (await this.catalog.findAny(change.clientId, change.caseTypeId)).slas;
  }

  private async insert(change: CaseClockChange, definitions: SlaDefinition[]) {
    const started = definitions.map((d) => ({
      id: randomUUID(),
      slaDefinitionId: d.id,
      name: d.name,
      ...startClock(d, change.state, change.at),
    }));
    if (started.length === 0) return [];
    const params: unknown[] = [change.clientId, change.caseId, change.at];
    const rows = started.map((s) => {
      const values = [s.id, s.slaDefinitionId, s.name, s.warnAt, s.breachAt, s.pausedAt];
      const refs = [...values, s.stoppedAt, s.pauseInStates].map((v) => `$${params.push(v)}`);
      return `(${refs.join(', ')}, $1, $2, $3)`;
    });
    await this.tx.query(
      `INSERT INTO sla_instances (id, sla_definition_id, name, warn_at, breach_at, paused_at,
                                  stopped_at, pause_in_states, client_id, case_id, created_at)
       VALUES ${rows.join(', ')}`,
      params,
    );
    return started.map(({ id, slaDefinitionId, name, warnAt, breachAt }) => ({
      id,
      slaDefinitionId,
      name,
      warnAt,
      breachAt,
    }));
  }
}
