import { Injectable } from '@nestjs/common';
import { Outbox } from '../../../shared/outbox/outbox';
import { CaseDeadlineEvent } from '../domain/events/case-deadline.event';

/** The people a case's deadline notifications go to. */
export interface CaseAudience {
  display_id: string;
  details: string;
  assigned_to_users: string[];
  assigned_to_groups: string[];
  watchers: string[];
}

/** The followed case a deadline event carries (its notifications are sent after commit). */
export function followedCase(c: CaseAudience): Record<string, unknown> {
  return {
    displayId: c.display_id,
    details: c.details,
    watchers: c.watchers,
    assignedToUsers: c.assigned_to_users,
    assignedToGroups: c.assigned_to_groups,
  };
}

/**
 * Records marks in the caller's transaction: one outbox event each, whose activity entry the
 * activity module's subscriber writes and whose notifications are sent after commit.
 */
@Injectable()
export class DeadlineMarksRecorder {
  constructor(private readonly outbox: Outbox) {}

  async record(marks: CaseDeadlineEvent[]): Promise<void> {
    if (marks.length === 0) return;
    await this.outbox.append(marks);
  }
}
