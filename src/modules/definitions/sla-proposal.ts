import { CaseTypeConfig, SlaInput } from './domain/case-type-config';
import { InvalidCaseTypeConfigError } from './domain/definition.errors';
import { calendarReferences, unknownCalendars } from './domain/sla-service-level';
import { parseSlaDefinitions, SlaDefinition } from './sla-definition';

export interface SlaProposal {
  /** The case type's calendar under the proposal. */
  calendarId: string | null;
  /** The SLAs as they would be stored (ids sent back of `current` kept). */
  slas: SlaDefinition[];
  /** Every calendar the proposal names (each must be live). */
  calendarIds: string[];
}

/**
 * A proposed change of a case type's SLAs (and calendar), validated as an update would be:
 * 400 CASE4005 with the fields at fault. Changes nothing.
 */
export function proposeSlas(
  input: { slas: readonly SlaInput[]; calendarId: string | null },
  current: readonly SlaDefinition[],
): SlaProposal {
  const config = CaseTypeConfig.create({ slas: input.slas, calendarId: input.calendarId }, current);
  const refs = calendarReferences(config.data.calendarId, config.data.slas);
  return {
    calendarId: config.data.calendarId,
    slas: parseSlaDefinitions(config.data.slas),
    calendarIds: refs.map((r) => r.calendarId),
  };
}

/** 400 CASE4005 when a calendar the proposal names is not among `live`. */
export function requireProposedCalendars(proposal: SlaProposal, live: ReadonlySet<string>): void {
  const refs = calendarReferences(proposal.calendarId, proposal.slas);
  const issues = unknownCalendars(refs, live);
  if (issues.length) throw new InvalidCaseTypeConfigError(issues);
}
