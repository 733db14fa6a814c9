// The public face of the definitions module: the only file other modules may import.
export { DefinitionsModule } from './definitions.module';
export { CaseTypeCatalog } from './case-type-catalog';
export type {
  CaseTypeAssignment,
  CaseTypeDefinition,
  CaseTypeDueDate,
  CaseTypeMilestone,
  CaseTypeSla,
} from './case-type-catalog';
export { CaseStatusLabels } from './case-status-labels';
export { CreateSolutionCommand } from './commands/create-solution/create-solution.command';
export { CreateProcessCommand } from './commands/create-process/create-process.command';
export { CreateCaseTypeCommand } from './commands/create-case-type/create-case-type.command';
export { SlaDefinition } from './case-type-catalog';
export {
  CASE_FIELD_TYPES,
  FIELD_KEY_PATTERN,
  fieldValueProblem,
  isIsoDate,
} from './case-field-definition';
export type { CaseFieldDefinition, CaseFieldType, CaseFieldValue } from './case-field-definition';
export { proposeSlas, requireProposedCalendars } from './sla-proposal';
export type { SlaProposal } from './sla-proposal';
export { SlaRequestDto } from './commands/sla.request.dto';
export type { Escalation, EscalationAction, SlaMetric } from './case-type-catalog';
