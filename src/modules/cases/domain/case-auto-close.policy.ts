import { CaseState } from '../../../shared/domain/case-state';
import { CaseProps } from './case.props';

/**
 * Whether the case is still RESOLVED by the resolution made at `resolutionDate`. Auto-close
 * completes only such a case: one reopened (and maybe resolved again) since the message was
 * produced, or already completed, is left alone.
 */
export function stillResolvedAt(
  kase: Pick<CaseProps, 'state' | 'resolutionDate'>,
  resolutionDate: Date,
): boolean {
  return (
    kase.state === CaseState.RESOLVED && kase.resolutionDate?.getTime() === resolutionDate.getTime()
  );
}
