import { CaseState } from '../../shared/domain/case-state';

/** The definitions module's port for a tenant's state labels (defaults where not relabelled). */
export abstract class CaseStatusLabels {
  abstract labelsFor(clientId: string): Promise<Record<CaseState, string>>;
}
