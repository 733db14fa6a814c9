import { CaseState } from '../../../shared/domain/case-state';

export class SlaResponseDto {
  /** Kept across updates when the client sends it back. */
  id: string;
  name: string;
  /** Applies only to cases of this priority; null applies to all. */
  priorityId: string | null;
  warnAfterMinutes: number;
  breachAfterMinutes: number;
  /** Time spent in these states does not count. */
  pauseInStates: CaseState[];
}
