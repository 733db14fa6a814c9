import { CaseState } from '../../shared/domain/case-state';
import { Escalation, SlaMetric } from './domain/sla-service-level';

export type { Escalation, EscalationAction, SlaMetric } from './domain/sla-service-level';

/** One SLA of a case type, as the definitions module stores it in `case_types.slas`. */
export interface SlaDefinition {
  id: string;
  name: string;
  /** Applies only to cases of this priority; null applies to all. */
  priorityId: string | null;
  warnAfterMinutes: number;
  breachAfterMinutes: number;
  pauseInStates: CaseState[];
  /** What the clock measures; stored definitions without one measure resolution. */
  metric: SlaMetric;
  /** The calendar its business minutes count on; null: the case type's, else around the clock. */
  calendarId: string | null;
  /** Alias of breachAfterMinutes, always equal to it. */
  targetMinutes: number;
  /** Sorted by atPercent. */
  escalations: Escalation[];
}

const ladder = (raw: unknown): Escalation[] =>
  (Array.isArray(raw) ? (raw as Partial<Escalation>[]) : [])
    .filter((e) => Number.isFinite(Number(e?.atPercent)) && Array.isArray(e?.actions))
    .map((e) => ({ atPercent: Number(e.atPercent), actions: [...(e.actions ?? [])] }))
    .sort((a, b) => a.atPercent - b.atPercent);

/** The one reader of the stored jsonb: numbers as numbers, entries without an id skipped. */
export function parseSlaDefinitions(raw: unknown): SlaDefinition[] {
  if (!Array.isArray(raw)) return [];
  return (raw as Partial<SlaDefinition>[])
    .filter((s) => typeof s?.id === 'string')
    .map((s) => ({
      id: String(s.id),
      name: String(s.name),
      priorityId: s.priorityId ?? null,
      warnAfterMinutes: Number(s.warnAfterMinutes),
      breachAfterMinutes: Number(s.breachAfterMinutes),
      pauseInStates: Array.isArray(s.pauseInStates) ? s.pauseInStates : [],
      metric: s.metric === 'firstResponse' ? 'firstResponse' : 'resolution',
      calendarId: typeof s.calendarId === 'string' ? s.calendarId : null,
      targetMinutes: Number(s.breachAfterMinutes),
      escalations: ladder(s.escalations),
    }));
}
