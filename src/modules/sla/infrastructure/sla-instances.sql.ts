import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseState } from '../../../shared/domain/case-state';
import { EscalationAction, SlaMetric } from '../../definitions';
import {
  BusinessClock,
  currentSpan,
  nextEscalationAt,
  Span,
  SpanState,
} from '../domain/business-clock';
import { legacySpans } from '../domain/clock-reading';

/** An SLA instance as the SLA module keeps it: its business clock and what names it. */
export interface SlaInstanceClock extends BusinessClock {
  id: string;
  caseId: string;
  slaDefinitionId: string;
  name: string;
  /** The calendar its minutes count on; null (or a deleted one): around the clock. */
  calendarId: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

interface StoredSpan {
  state: SpanState;
  from: string;
  to: string | null;
}

interface StoredRung {
  atPercent: number;
  actions: EscalationAction[];
  dueAt: string;
  firedAt: string | null;
}

interface InstanceRow {
  id: string;
  case_id: string;
  sla_definition_id: string;
  name: string;
  metric: SlaMetric;
  calendar_id: string | null;
  warn_minutes: number | null;
  target_minutes: number | null;
  warn_at: Date;
  breach_at: Date;
  warned_at: Date | null;
  violated_at: Date | null;
  paused_at: Date | null;
  stopped_at: Date | null;
  created_at: Date;
  closed_at: Date | null;
  pause_in_states: CaseState[];
  segments: StoredSpan[];
  escalations: StoredRung[];
}

/** The columns `instanceOf` reads (from `sla_instances`, aliased `si` when `alias` is given). */
export const INSTANCE_COLUMNS = `id, case_id, sla_definition_id, name, metric, calendar_id,
  warn_minutes, target_minutes, warn_at, breach_at, warned_at, violated_at, paused_at,
  stopped_at, created_at, closed_at, pause_in_states, segments, escalations`;

const date = (iso: string | null) => (iso ? new Date(iso) : null);
const minutesBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));

export function instanceOf(r: InstanceRow): SlaInstanceClock {
  const targetMinutes = r.target_minutes ?? minutesBetween(r.created_at, r.breach_at);
  const stored = Array.isArray(r.segments) ? r.segments : [];
  const spans: Span[] = stored.length
    ? stored.map((s) => ({ state: s.state, from: new Date(s.from), to: date(s.to) }))
    : legacySpans({
        targetMinutes,
        breachAt: r.breach_at,
        pausedAt: r.paused_at,
        stoppedAt: r.stopped_at,
      });
  return {
    id: r.id,
    caseId: r.case_id,
    slaDefinitionId: r.sla_definition_id,
    name: r.name,
    metric: r.metric ?? 'resolution',
    calendarId: r.calendar_id,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    pauseInStates: r.pause_in_states,
    warnMinutes: r.warn_minutes ?? minutesBetween(r.created_at, r.warn_at),
    targetMinutes,
    spans,
    elapsedMs: 0, // filled by the caller's recompute (it needs the calendar)
    warnAt: r.warn_at,
    breachAt: r.breach_at,
    warnedAt: r.warned_at,
    violatedAt: r.violated_at,
    escalations: (r.escalations ?? []).map((e) => ({
      atPercent: e.atPercent,
      actions: e.actions,
      dueAt: new Date(e.dueAt),
      firedAt: date(e.firedAt),
    })),
  };
}

/** The instances of `caseIds` (open ones only unless `all`), locked when `lock`. */
export async function loadInstances(
  tx: TransactionManager,
  clientId: string,
  caseIds: string[],
  options: { all?: boolean; lock?: boolean } = {},
): Promise<SlaInstanceClock[]> {
  if (caseIds.length === 0) return [];
  const rows = await tx.query<InstanceRow>(
    `SELECT ${INSTANCE_COLUMNS} FROM sla_instances
      WHERE client_id = $1 AND case_id = ANY($2::uuid[]) ${options.all ? '' : 'AND closed_at IS NULL'}
      ORDER BY created_at, name, id ${options.lock ? 'FOR UPDATE' : ''}`,
    [clientId, caseIds],
  );
  return rows.map(instanceOf);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every column the clock decides, as one JSON record. */
function record(c: SlaInstanceClock) {
  const span = currentSpan(c);
  return {
    id: c.id,
    calendar_id: c.calendarId,
    warn_minutes: c.warnMinutes,
    target_minutes: c.targetMinutes,
    warn_at: iso(c.warnAt),
    breach_at: iso(c.breachAt),
    paused_at: span.state === 'paused' ? iso(span.from) : null,
    stopped_at: span.state === 'stopped' || span.state === 'met' ? iso(span.from) : null,
    met_at: span.state === 'met' ? iso(span.from) : null,
    segments: c.spans.map((s) => ({ state: s.state, from: iso(s.from), to: iso(s.to) })),
    elapsed_minutes: Math.round(c.elapsedMs / 60_000),
    escalations: c.escalations.map((r) => ({
      atPercent: r.atPercent,
      actions: r.actions,
      dueAt: iso(r.dueAt),
      firedAt: iso(r.firedAt),
    })),
    next_escalation_at: iso(nextEscalationAt(c)),
  };
}

const RECORD = `jsonb_to_recordset($1::jsonb) AS u(id uuid, calendar_id uuid, warn_minutes int,
  target_minutes int, warn_at timestamptz, breach_at timestamptz, paused_at timestamptz,
  stopped_at timestamptz, met_at timestamptz, segments jsonb, elapsed_minutes int,
  escalations jsonb, next_escalation_at timestamptz)`;

/** Writes what the clocks decide (never the marks, which the SLA check writes). */
export async function saveInstances(tx: TransactionManager, clocks: SlaInstanceClock[]) {
  if (clocks.length === 0) return;
  await tx.query(
    `UPDATE sla_instances si
        SET calendar_id = u.calendar_id, warn_minutes = u.warn_minutes,
            target_minutes = u.target_minutes, warn_at = u.warn_at, breach_at = u.breach_at,
            paused_at = u.paused_at, stopped_at = u.stopped_at, met_at = u.met_at,
            segments = u.segments, elapsed_minutes = u.elapsed_minutes,
            escalations = u.escalations, next_escalation_at = u.next_escalation_at
       FROM ${RECORD}
      WHERE si.id = u.id`,
    [JSON.stringify(clocks.map(record))],
  );
}

/** Inserts new instances of one case. */
export async function insertInstances(
  tx: TransactionManager,
  clientId: string,
  clocks: SlaInstanceClock[],
) {
  if (clocks.length === 0) return;
  const rows = clocks.map((c) => ({
    ...record(c),
    case_id: c.caseId,
    sla_definition_id: c.slaDefinitionId,
    name: c.name,
    metric: c.metric,
    created_at: iso(c.createdAt),
    pause_in_states: c.pauseInStates,
  }));
  await tx.query(
    `INSERT INTO sla_instances (client_id, id, case_id, sla_definition_id, name, metric,
       created_at, pause_in_states, calendar_id, warn_minutes, target_minutes, warn_at, breach_at,
       paused_at, stopped_at, met_at, segments, elapsed_minutes, escalations, next_escalation_at)
     SELECT $2, u.id, u.case_id, u.sla_definition_id, u.name, u.metric, u.created_at,
            ARRAY(SELECT jsonb_array_elements_text(u.pause_in_states)), u.calendar_id,
            u.warn_minutes, u.target_minutes, u.warn_at, u.breach_at, u.paused_at, u.stopped_at,
            u.met_at, u.segments, u.elapsed_minutes, u.escalations, u.next_escalation_at
       FROM ${RECORD.replace(
         'next_escalation_at timestamptz)',
         `next_escalation_at timestamptz, case_id uuid, sla_definition_id text, name text,
          metric text, created_at timestamptz, pause_in_states jsonb)`,
       )}`,
    [JSON.stringify(rows), clientId],
  );
}
