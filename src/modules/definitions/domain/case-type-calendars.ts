import { CaseTypeConfig } from './case-type-config';
import { DefinitionReferences } from './definition-references';
import { InvalidCaseTypeConfigError } from './definition.errors';
import { calendarReferences, unknownCalendars } from './sla-service-level';

/**
 * Every calendar the configuration names (the case type's and its SLAs') must be a live
 * calendar of the tenant: 400 CASE4005 with the fields that name another. Inside a transaction
 * the calendars are read FOR SHARE, so they cannot be deleted before the case type commits.
 */
export async function requireLiveCalendars(
  references: DefinitionReferences,
  clientId: string,
  config: CaseTypeConfig,
): Promise<void> {
  const refs = calendarReferences(config.data.calendarId, config.data.slas);
  if (refs.length === 0) return;
  const live = await references.liveCalendars(
    clientId,
    refs.map((r) => r.calendarId),
  );
  const issues = unknownCalendars(refs, live);
  if (issues.length) throw new InvalidCaseTypeConfigError(issues);
}
