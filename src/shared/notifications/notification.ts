/** Who a notification is for. Groups are not expanded: a group recipient gets one notification. */
export interface Recipient {
  readonly kind: 'user' | 'group' | 'email';
  readonly id: string;
}

export type DeliveryChannel = 'email' | 'log';

export type NotificationStatus = 'PENDING' | 'SENT' | 'FAILED';

/** A Date, or the ISO 8601 text it becomes once stored in the jsonb payload. */
export type Timestamp = Date | string;

interface CaseSubject {
  displayId: string;
  details?: string;
  /** Extra context is kept in the stored payload (the queryable record) but not rendered. */
  [key: string]: unknown;
}

/** The payload each template expects. */
export interface NotificationPayloads {
  'case.state-changed': CaseSubject & {
    fromState: string;
    toState: string;
    stateLabel?: string;
    actorId?: string;
    comment?: string;
  };
  'case.commented': CaseSubject & { authorId: string; comment: string };
  'case.message': CaseSubject & { body: string; subject?: string; from?: string };
  'sla.warning': CaseSubject & { slaName: string; breachAt: Timestamp };
  'sla.violated': CaseSubject & { slaName: string; breachAt: Timestamp };
  'sla.escalated': CaseSubject & { slaName: string; atPercent: number };
  'due-date.warning': CaseSubject & { dueDate: Timestamp };
  'due-date.exceeded': CaseSubject & { dueDate: Timestamp };
  'webhook.disabled': {
    webhookId: string;
    url: string;
    failingSince: Timestamp;
    lastError?: string;
  };
}

export type NotificationTemplate = keyof NotificationPayloads;

const TEMPLATES: Record<NotificationTemplate, true> = {
  'case.state-changed': true,
  'case.commented': true,
  'case.message': true,
  'sla.warning': true,
  'sla.violated': true,
  'sla.escalated': true,
  'due-date.warning': true,
  'due-date.exceeded': true,
  'webhook.disabled': true,
};

export const NOTIFICATION_TEMPLATES = Object.keys(TEMPLATES) as NotificationTemplate[];

/**
 * One notification to record. `dedupeKey` makes recording idempotent per tenant and recipient:
 * a job that records `sla.warning:<slaInstanceId>` for each recipient again (a retry, a second
 * replica) records nothing more.
 */
export type NewNotification = {
  [T in NotificationTemplate]: {
    clientId: string;
    caseId?: string | null;
    recipient: Recipient;
    template: T;
    payload: NotificationPayloads[T];
    dedupeKey?: string;
  };
}[NotificationTemplate];

/** A recorded notification, as a channel delivers it. */
export interface RecordedNotification {
  id: string;
  clientId: string;
  caseId: string | null;
  recipient: Recipient;
  channel: DeliveryChannel;
  template: NotificationTemplate;
  payload: Record<string, unknown>;
  attempts: number;
  createdAt: Date;
  /** Shared by the notifications one event recorded for its several recipients. */
  eventKey: string;
}
