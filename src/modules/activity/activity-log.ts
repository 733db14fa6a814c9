/** One change of a case, as the activity log keeps it (append-only). */
export interface ActivityEntry {
  clientId: string;
  caseId: string;
  type: string;
  actorId: string;
  onBehalfOf: string | null;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/**
 * The activity log port other modules write through. Entries are appended in the caller's
 * transaction, so they commit (or vanish) together with the change they describe.
 */
export abstract class ActivityLog {
  abstract append(entries: readonly ActivityEntry[]): Promise<void>;
}

/**
 * An event that is also an activity entry of its case. The activity module's in-transaction
 * subscriber appends the entry of every such event stored in the outbox.
 */
export interface ActivityRecord {
  toActivity(): ActivityEntry;
}

export function recordsActivity(event: object): event is ActivityRecord {
  return typeof (event as Partial<ActivityRecord>).toActivity === 'function';
}
