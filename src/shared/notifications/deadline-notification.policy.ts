import { OutboxEvent } from '../outbox/outbox-event';
import { FollowedCase } from './case-notification.policy';
import { NewNotification, NotificationTemplate, Recipient } from './notification';

/** The part of a deadline event's outbox payload (sla.warned, due-date.exceeded, …) read here. */
interface DeadlinePayload {
  slaInstanceId?: string;
  name?: string;
  warnAt?: string;
  breachAt?: string;
  dueDate?: string;
  dueDateWarning?: string;
  case?: FollowedCase;
}

interface Notice {
  template: NotificationTemplate;
  payload: Record<string, unknown>;
  /** Stable per mark, so a redelivered event records nothing more. */
  dedupeKey: string;
}

const iso = (at: string | undefined) => new Date(at!).toISOString();

function noticeOf(type: string, p: DeadlinePayload, caseId: string): Notice | undefined {
  const kase = { displayId: p.case!.displayId, details: p.case!.details };
  const sla = { ...kase, slaName: p.name, warnAt: p.warnAt, breachAt: p.breachAt };
  const due = { ...kase, dueDate: p.dueDate };
  switch (type) {
    case 'sla.warned':
      return { template: 'sla.warning', payload: sla, dedupeKey: `sla.warning:${p.slaInstanceId}` };
    case 'sla.violated':
      return {
        template: 'sla.violated',
        payload: sla,
        dedupeKey: `sla.violated:${p.slaInstanceId}`,
      };
    case 'due-date.warned':
      return {
        template: 'due-date.warning',
        payload: due,
        dedupeKey: `due-date.warning:${caseId}:${iso(p.dueDateWarning)}`,
      };
    case 'due-date.exceeded':
      return {
        template: 'due-date.exceeded',
        payload: due,
        dedupeKey: `due-date.exceeded:${caseId}:${iso(p.dueDate)}`,
      };
    default:
      return undefined;
  }
}

const DEADLINE_TYPES = new Set([
  'sla.warned',
  'sla.violated',
  'due-date.warned',
  'due-date.exceeded',
]);

/** The types of the deadline events that notify. */
export function notifiesOfDeadline(type: string): boolean {
  return DEADLINE_TYPES.has(type);
}

/** Assigned users and watchers (each once) and assigned groups (a group is not expanded). */
function audienceOf(kase: FollowedCase): Recipient[] {
  const users = [...new Set([...kase.assignedToUsers, ...kase.watchers])];
  return [
    ...users.map((id): Recipient => ({ kind: 'user', id })),
    ...kase.assignedToGroups.map((id): Recipient => ({ kind: 'group', id })),
  ];
}

/** The notifications a deadline mark sends: to the case's assignees and watchers. */
export function deadlineNotifications(event: OutboxEvent): NewNotification[] {
  const payload = event.payload as DeadlinePayload;
  if (!payload.case) return [];
  const notice = noticeOf(event.type, payload, event.aggregateId);
  if (!notice) return [];
  return audienceOf(payload.case).map(
    (recipient) =>
      ({
        clientId: event.clientId,
        caseId: event.aggregateId,
        recipient,
        ...notice,
      }) as NewNotification,
  );
}
