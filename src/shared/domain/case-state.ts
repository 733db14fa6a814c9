export enum CaseState {
  NEW = 'NEW',
  OPENED = 'OPENED',
  IN_PROCESS = 'IN_PROCESS',
  REQUEST_INPUT = 'REQUEST_INPUT',
  ON_HOLD = 'ON_HOLD',
  RESOLVED = 'RESOLVED',
  REOPENED = 'REOPENED',
  COMPLETED = 'COMPLETED',
  CANCELED = 'CANCELED',
}

export const ALL_STATES = Object.values(CaseState);

/** Jobs skip terminal cases; nothing but reopen (from COMPLETED) leaves them. */
export const TERMINAL_STATES: readonly CaseState[] = [CaseState.COMPLETED, CaseState.CANCELED];

export const DEFAULT_STATE_LABELS: Record<CaseState, string> = {
  NEW: 'New',
  OPENED: 'Opened',
  IN_PROCESS: 'In Process',
  REQUEST_INPUT: 'Request Input',
  ON_HOLD: 'On Hold',
  RESOLVED: 'Resolved',
  REOPENED: 'Reopened',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
};
