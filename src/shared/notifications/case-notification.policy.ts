import { OutboxEvent } from '../outbox/outbox-event';
import { NewNotification, NotificationTemplate, Recipient } from './notification';

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** Who follows a case when an event happens: the event's `case` (see the case events). */
export interface FollowedCase {
  displayId: string;
  details: string;
  /** Absent on events stored before it was carried. */
  initiatorId?: string;
  watchers: readonly string[];
  assignedToUsers: readonly string[];
  assignedToGroups: readonly string[];
}

/** The part of a case event's outbox payload the notifications read. */
export interface CaseEventPayload {
  actorId: string;
  fromState?: string;
  toState?: string;
  commentId?: string;
  /** `internal`: the comment is kept from the initiator (absent: public). */
  commentVisibility?: string;
  comment?: { text: string };
  messageId?: string;
  direction?: string;
  from?: string;
  to?: string | null;
  subject?: string;
  body?: string;
  case?: FollowedCase;
}

interface Notice {
  template: NotificationTemplate;
  payload: Record<string, unknown>;
  /** Recipients besides the followers. */
  alsoTo: Recipient[];
}

const COMMENTED = new Set(['case.commented', 'case.initiator-commented']);
const MESSAGES = new Set(['case.message-sent', 'case.message-received']);

/** The types of the events that may notify someone. */
export function notifiesOf(type: string): boolean {
  return type.startsWith('case.');
}

/** The people following a case: its watchers and assigned users and groups, less whoever acted. */
export function followersOf(kase: FollowedCase, actorId: string): Recipient[] {
  const users = [...new Set([...kase.watchers, ...kase.assignedToUsers])];
  return [
    ...users.filter((u) => u !== actorId).map((id) => ({ kind: 'user' as const, id })),
    ...[...new Set(kase.assignedToGroups)].map((id) => ({ kind: 'group' as const, id })),
  ];
}

/** A message goes to an e-mail address when it is one, else to the user of that id. */
export function addresseeOf(to: string): Recipient {
  return EMAIL.test(to) ? { kind: 'email', id: to } : { kind: 'user', id: to };
}

function unique(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = `${r.kind}:${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What one event tells the followers, if anything. */
function noticeOf(type: string, p: CaseEventPayload): Notice | null {
  const { actorId } = p;
  const comment = p.comment?.text;
  if (p.fromState && p.toState && p.fromState !== p.toState) {
    const { fromState, toState } = p;
    const payload = { fromState, toState, actorId, ...(comment ? { comment } : {}) };
    return { template: 'case.state-changed', payload, alsoTo: [] };
  }
  if (COMMENTED.has(type)) {
    const payload = { authorId: actorId, comment: comment ?? '', commentId: p.commentId };
    return { template: 'case.commented', payload, alsoTo: [] };
  }
  if (MESSAGES.has(type)) {
    const { messageId, direction, from, subject, body } = p;
    const payload = { messageId, direction, from, subject, body };
    const alsoTo = type === 'case.message-sent' && p.to ? [addresseeOf(String(p.to))] : [];
    return { template: 'case.message', payload, alsoTo };
  }
  return null;
}

/**
 * Who hears of a committed case event, in one place: state changes, comments and messages reach
 * the case's watchers and assignees as the event left them (never the actor); an outbound
 * message also reaches its addressee. Each notification is keyed by the event's outbox id, so a
 * redelivered event records nothing more.
 */
export function caseNotifications(event: OutboxEvent): NewNotification[] {
  const p = event.payload as unknown as CaseEventPayload;
  if (!p.case) return [];
  const notice = noticeOf(event.type, p);
  if (!notice) return [];
  const subject = { displayId: p.case.displayId, details: p.case.details };
  const recipients = unique([...notice.alsoTo, ...followersOf(p.case, p.actorId)]);
  return recipients.flatMap((recipient) => {
    const payload = forRecipient(notice, p, recipient);
    if (!payload) return [];
    return [
      {
        clientId: event.clientId,
        caseId: event.aggregateId,
        recipient,
        template: notice.template,
        payload: { ...subject, ...payload },
        dedupeKey: `event:${event.id}`,
      } as NewNotification,
    ];
  });
}

/**
 * The notice's payload for one recipient, or null when it tells them nothing. An internal
 * comment never reaches the case's initiator (a watcher, say) unless they are assigned to it: a
 * state change comes without its comment, the comment itself not at all. Notifications know no
 * permissions, so an initiator who is also an agent by CASE_VIEW misses it too; the case still
 * shows it.
 */
function forRecipient(
  notice: Notice,
  p: CaseEventPayload,
  recipient: Recipient,
): Record<string, unknown> | null {
  const kase = p.case!;
  const keptFrom =
    p.commentVisibility === 'internal' &&
    recipient.kind === 'user' &&
    recipient.id === kase.initiatorId &&
    !kase.assignedToUsers.includes(recipient.id);
  if (!keptFrom) return notice.payload;
  if (notice.template === 'case.commented') return null;
  const withoutComment = { ...notice.payload };
  delete withoutComment.comment;
  return withoutComment;
}
