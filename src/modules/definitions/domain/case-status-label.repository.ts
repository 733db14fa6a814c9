import { CaseStatusLabel } from './case-status-label';

export abstract class CaseStatusLabelRepository {
  /** Sets the tenant's label of the state and appends the events to the outbox. */
  abstract save(label: CaseStatusLabel): Promise<void>;
}
