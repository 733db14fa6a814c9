import { CaseState } from '../../shared/domain/case-state';

/** One SLA of a case type, as the definitions module stores it in `case_types.slas`. */
export interface SlaDefinition {
  id: string;
  name: string;
  /** Applies only to cases of this priority; null applies to all. */
  priorityId: string | null;
  warnAfterMinutes: number;
  breachAfterMinutes: number;
  pauseInStates: CaseState[];
}

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
    }));
}
