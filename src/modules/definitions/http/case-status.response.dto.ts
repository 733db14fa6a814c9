import { CaseState } from '../../../shared/domain/case-state';

export class CaseStatusResponseDto {
  state: CaseState;
  /** The tenant's label, or the default one. */
  label: string;
  /** Completed and canceled cases are terminal. */
  terminal: boolean;
}
