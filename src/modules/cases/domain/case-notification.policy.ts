import {
  NewNotification,
  NotificationTemplate,
  Recipient,
} from '../../../shared/notifications/notification';
import { CaseProps, PendingComment } from './case.props';
import { CaseCommentedEvent } from './events/case-commented.event';
import { CaseInitiatorCommentedEvent } from './events/case-initiator-commented.event';
import { CaseMessageReceivedEvent } from './events/case-message-received.event';
import { CaseMessageSentEvent } from './events/case-message-sent.event';
import { CaseEvent } from './events/case.event';

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export type NotifiedCase = Pick<
  CaseProps,
  'id' | 'clientId' | 'displayId' | 'details' | 'watchers' | 'assignedToUsers' | 'assignedToGroups'
>;

interface Notice {
  template: NotificationTemplate;
  payload: Record<string, unknown>;
  /** Recipients besides the followers. */
  alsoTo: Recipient[];
}

/** The people following a case: its watchers and assigned users and groups, less whoever acted. */
export function followersOf(kase: NotifiedCase, actorId: string): Recipient[] {
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
function noticeOf(event: CaseEvent, comments: readonly PendingComment[]): Notice | null {
  const { data, actorId } = event;
  const comment = comments.find((c) => c.id === data.commentId)?.text;
  if (data.fromState && data.toState && data.fromState !== data.toState) {
    const { fromState, toState } = data;
    const payload = { fromState, toState, actorId, ...(comment ? { comment } : {}) };
    return { template: 'case.state-changed', payload, alsoTo: [] };
  }
  if (event instanceof CaseCommentedEvent || event instanceof CaseInitiatorCommentedEvent) {
    const payload = { authorId: actorId, comment: comment ?? '', commentId: data.commentId };
    return { template: 'case.commented', payload, alsoTo: [] };
  }
  if (event instanceof CaseMessageSentEvent || event instanceof CaseMessageReceivedEvent) {
    const { messageId, direction, from, subject, body } = data;
    const payload = { messageId, direction, from, subject, body };
    const alsoTo = event instanceof CaseMessageSentEvent ? [addresseeOf(String(data.to))] : [];
    return { template: 'case.message', payload, alsoTo };
  }
  return null;
}

/**
 * Who hears of a saved change, in one place: state changes, comments and messages reach the
 * case's watchers and assignees (never the actor); an outbound message also reaches its
 * addressee. The case is as saved; `comments` are the ones the change added.
 */
export function caseNotifications(
  kase: NotifiedCase,
  events: readonly CaseEvent[],
  comments: readonly PendingComment[] = [],
): NewNotification[] {
  const subject = { displayId: kase.displayId, details: kase.details };
  return events.flatMap((event) => {
    const notice = noticeOf(event, comments);
    if (!notice) return [];
    const recipients = unique([...notice.alsoTo, ...followersOf(kase, event.actorId)]);
    return recipients.map(
      (recipient) =>
        ({
          clientId: kase.clientId,
          caseId: kase.id,
          recipient,
          template: notice.template,
          payload: { ...subject, ...notice.payload },
        }) as NewNotification,
    );
  });
}
