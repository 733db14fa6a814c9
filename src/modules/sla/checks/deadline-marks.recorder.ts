import { Injectable } from '@nestjs/common';
import { NewNotification, Recipient } from '../../../shared/notifications/notification';
import { Notifier } from '../../../shared/notifications/notifier';
import { Outbox } from '../../../shared/outbox/outbox';
import { CaseDeadlineEvent } from '../domain/events/case-deadline.event';

/** The people a case's deadline notifications go to. */
export interface CaseAudience {
  assigned_to_users: string[];
  assigned_to_groups: string[];
  watchers: string[];
}

/** Assigned users and watchers (each once) and assigned groups (a group is not expanded). */
export function recipientsOf(c: CaseAudience): Recipient[] {
  const users = [...new Set([...c.assigned_to_users, ...c.watchers])];
  return [
    ...users.map((id): Recipient => ({ kind: 'user', id })),
    ...c.assigned_to_groups.map((id): Recipient => ({ kind: 'group', id })),
  ];
}

export interface DeadlineMark {
  event: CaseDeadlineEvent;
  notifications: NewNotification[];
}

/**
 * Records marks in the caller's transaction: one outbox event each (whose activity entry the
 * activity module's subscriber writes), and their notifications.
 */
@Injectable()
export class DeadlineMarksRecorder {
  constructor(
    private readonly outbox: Outbox,
    private readonly notifier: Notifier,
  ) {}

  async record(marks: DeadlineMark[]): Promise<void> {
    if (marks.length === 0) return;
    const events = marks.map((m) => m.event);
    await this.outbox.append(events);
    await this.notifier.record(marks.flatMap((m) => m.notifications));
  }
}
