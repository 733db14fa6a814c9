/** A case's due-date deadlines and whether each was already marked. */
export interface DueDateDeadlines {
  dueDate: Date | null;
  dueDateWarning: Date | null;
  markedDueDateWarning: boolean;
  markedDueDateExceeded: boolean;
}

/**
 * The due-date marks due at `now`, each at most once (a new due date re-arms both; see the case
 * edit). When the warning and the due date have both passed, both are marked and notified.
 */
export function dueDateMarks(c: DueDateDeadlines, now: Date): { warn: boolean; exceed: boolean } {
  return {
    warn: !c.markedDueDateWarning && c.dueDateWarning !== null && c.dueDateWarning <= now,
    exceed: !c.markedDueDateExceeded && c.dueDate !== null && c.dueDate <= now,
  };
}
