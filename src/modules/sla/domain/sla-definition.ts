import { CaseState } from '../../../shared/domain/case-state';

/** One SLA of a case type, as the definitions module stores it in `case_types.slas`. */
export interface SlaDefinition {
  id: string;
  name: string;
  /** null: applies to cases of every priority. */
  priorityId: string | null;
  warnAfterMinutes: number;
  breachAfterMinutes: number;
  pauseInStates: CaseState[];
}

/** Reads the jsonb column directly: this module never imports the definitions module. */
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
