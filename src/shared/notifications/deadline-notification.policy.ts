import { OutboxEvent } from '../outbox/outbox-event';
import { FollowedCase } from './case-notification.policy';
import { NewNotification, NotificationTemplate, Recipient } from './notification';

/** The part of a deadline event's outbox payload (sla.warned, due-date.exceeded, …) read here. */
interface DeadlinePayload {
  slaInstanceId?: string;
  atPercent?: number;
  actions?: { type: string; users?: string[]; groups?: string[] }[];
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
    case 'sla.escalated':
      return {
        template: 'sla.escalated',
        payload: { ...kase, slaName: p.name, atPercent: p.atPercent },
        dedupeKey: `sla.escalated:${p.slaInstanceId}:${p.atPercent}`,
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
  'sla.escalated',
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

/**
 * The users and groups an escalation's `notify` actions name (each once; a group is expanded to
 * its active members on delivery). Its `assign` actions reach the new assignees through the
 * case's own update.
 */
function escalationAudience(p: DeadlinePayload): Recipient[] {
  const notify = (p.actions ?? []).filter((a) => a.type === 'notify');
  const users = [...new Set(notify.flatMap((a) => a.users ?? []))];
  const groups = [...new Set(notify.flatMap((a) => a.groups ?? []))];
  return [
    ...users.map((id): Recipient => ({ kind: 'user', id })),
    ...groups.map((id): Recipient => ({ kind: 'group', id })),
  ];
}

/**
 * The notifications a deadline mark sends: to the case's assignees and watchers; an escalation
 * to whom its rung's `notify` actions name.
 */
export function deadlineNotifications(event: OutboxEvent): NewNotification[] {
  const payload = event.payload as DeadlinePayload;
  if (!payload.case) return [];
  const notice = noticeOf(event.type, payload, event.aggregateId);
  if (!notice) return [];
  const audience =
    event.type === 'sla.escalated' ? escalationAudience(payload) : audienceOf(payload.case);
  return audience.map(
    (recipient) =>
      ({
        clientId: event.clientId,
        caseId: event.aggregateId,
        recipient,
        ...notice,
      }) as NewNotification,
  );
}
