import { ALL_STATES, CaseState, TERMINAL_STATES } from '../../../shared/domain/case-state';
import { InvalidCaseTransitionError } from './case.errors';

export type CaseAction =
  | 'edit'
  | 'open'
  | 'process'
  | 'requestInput'
  | 'hold'
  | 'resolve'
  | 'complete'
  | 'cancel'
  | 'reopen'
  | 'claim'
  | 'unclaim'
  | 'transferOut'
  | 'mergeInto'
  | 'unmerge';

interface Transition {
  from: readonly CaseState[];
  /** null: the action keeps the state. */
  to: CaseState | null;
}

const { NEW, OPENED, IN_PROCESS, REQUEST_INPUT, ON_HOLD, RESOLVED, REOPENED, COMPLETED, CANCELED } =
  CaseState;
const NON_TERMINAL = ALL_STATES.filter((s) => !TERMINAL_STATES.includes(s));

/** The lifecycle of SPEC §5: the one place that says which action may run in which state. */
export const CASE_TRANSITIONS: Readonly<Record<CaseAction, Transition>> = {
  edit: { from: NON_TERMINAL, to: null },
  open: { from: [NEW, REOPENED], to: OPENED },
  process: { from: [OPENED, REOPENED, REQUEST_INPUT, ON_HOLD], to: IN_PROCESS },
  requestInput: { from: [OPENED, IN_PROCESS, REOPENED], to: REQUEST_INPUT },
  hold: { from: [OPENED, IN_PROCESS, REQUEST_INPUT, REOPENED], to: ON_HOLD },
  resolve: { from: [OPENED, IN_PROCESS, REQUEST_INPUT, ON_HOLD, REOPENED], to: RESOLVED },
  complete: { from: [RESOLVED], to: COMPLETED },
  cancel: { from: NON_TERMINAL, to: CANCELED },
  reopen: { from: [RESOLVED, COMPLETED], to: REOPENED },
  claim: { from: NON_TERMINAL, to: null },
  unclaim: { from: NON_TERMINAL, to: null },
  transferOut: { from: NON_TERMINAL, to: CANCELED },
  mergeInto: { from: NON_TERMINAL, to: CANCELED },
  /** Back to the state the case had before its merge (Case.unmerge). */
  unmerge: { from: [CANCELED], to: null },
};

/** The state `action` leads to from `from`; throws when the table does not allow it. */
export function nextState(action: CaseAction, from: CaseState): CaseState {
  const transition = CASE_TRANSITIONS[action];
  if (!transition.from.includes(from)) throw new InvalidCaseTransitionError(action, from);
  return transition.to ?? from;
}
