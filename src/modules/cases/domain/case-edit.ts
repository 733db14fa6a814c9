import { dueDateWarning } from './case-deadlines';
import { CaseEditInput, CaseProps } from './case.props';
import { CasePriority } from './case-type-config.reader';
import { uniqueIds } from './case-values';
import { FieldChange } from './events/case.event';

const sameValue = (a: unknown, b: unknown): boolean => {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
};

/**
 * The props an edit would set. `priority` is the looked-up new priority (only needed when the
 * priority changes). A new due date moves its warning and re-arms both due-date marks.
 */
export function editPatch(
  current: CaseProps,
  input: CaseEditInput,
  priority: CasePriority | null,
  warnBeforeHours: number | null,
): Partial<CaseProps> {
  const patch: Partial<CaseProps> = {};
  const set = <K extends keyof CaseProps>(key: K, value: CaseProps[K] | undefined) => {
    if (value !== undefined) patch[key] = value;
  };
  set('details', input.details?.trim());
  set('description', input.description);
  if (input.priorityId !== undefined && input.priorityId !== current.priorityId) {
    patch.priorityId = input.priorityId;
    patch.priorityLevel = input.priorityId === null ? null : (priority?.level ?? null);
  }
  set('assignedToUsers', input.assignedToUsers && uniqueIds(input.assignedToUsers));
  set('assignedToGroups', input.assignedToGroups && uniqueIds(input.assignedToGroups));
  set('location', input.location);
  set('locationId', input.locationId);
  set('locationCode', input.locationCode);
  if (input.dueDate !== undefined && !sameValue(input.dueDate, current.dueDate)) {
    patch.dueDate = input.dueDate;
    patch.dueDateWarning = dueDateWarning(input.dueDate, warnBeforeHours);
    patch.markedDueDateWarning = false;
    patch.markedDueDateExceeded = false;
  }
  set('completedPercent', input.completedPercent);
  return patch;
}

/** Each field the patch really changes, with its old and new value. */
export function changedFields(
  current: CaseProps,
  patch: Partial<CaseProps>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [key, value] of Object.entries(patch)) {
    const old = current[key as keyof CaseProps];
    if (!sameValue(old, value)) changes[key] = { old, new: value };
  }
  return changes;
}
