import { NotificationTemplate } from './notification';

export interface RenderedNotification {
  subject: string;
  text: string;
}

type Payload = Record<string, unknown>;

interface Parts {
  headline: string;
  lines: string[];
}

const MAX_SUBJECT = 200;

function text(payload: Payload, key: string): string | undefined {
  const value = payload[key];
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function time(payload: Payload, key: string): string {
  const value = payload[key];
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? (text(payload, key) ?? 'unknown') : date.toISOString();
}

const PARTS: Record<NotificationTemplate, (p: Payload) => Parts> = {
  'case.state-changed': (p) => {
    const to = text(p, 'stateLabel') ?? text(p, 'toState') ?? 'unknown';
    const comment = text(p, 'comment');
    return {
      headline: `State changed to ${to}`,
      lines: [
        `State: ${text(p, 'fromState') ?? 'unknown'} -> ${text(p, 'toState') ?? 'unknown'}`,
        ...(text(p, 'actorId') ? [`Changed by: ${text(p, 'actorId')}`] : []),
        ...(comment ? ['', comment] : []),
      ],
    };
  },
  'case.commented': (p) => ({
    headline: 'New comment',
    lines: [`Comment by ${text(p, 'authorId') ?? 'unknown'}:`, '', text(p, 'comment') ?? ''],
  }),
  'case.message': (p) => ({
    headline: text(p, 'subject') ?? 'New message',
    lines: [...(text(p, 'from') ? [`From: ${text(p, 'from')}`, ''] : []), text(p, 'body') ?? ''],
  }),
  'sla.warning': (p) => ({
    headline: `SLA warning: ${text(p, 'slaName') ?? 'SLA'}`,
    lines: [`The SLA "${text(p, 'slaName') ?? 'SLA'}" will be breached at ${time(p, 'breachAt')}.`],
  }),
  'sla.violated': (p) => ({
    headline: `SLA violated: ${text(p, 'slaName') ?? 'SLA'}`,
    lines: [`The SLA "${text(p, 'slaName') ?? 'SLA'}" was breached at ${time(p, 'breachAt')}.`],
  }),
  'sla.escalated': (p) => ({
    headline: `SLA escalated: ${text(p, 'slaName') ?? 'SLA'}`,
    lines: [
      `The SLA "${text(p, 'slaName') ?? 'SLA'}" reached ${String(p.atPercent)}% of its target.`,
    ],
  }),
  'due-date.warning': (p) => ({
    headline: 'Due date approaching',
    lines: [`The case is due at ${time(p, 'dueDate')}.`],
  }),
  'due-date.exceeded': (p) => ({
    headline: 'Due date exceeded',
    lines: [`The case was due at ${time(p, 'dueDate')}.`],
  }),
  'webhook.disabled': (p) => ({
    headline: `Webhook disabled: ${text(p, 'url') ?? 'unknown'}`,
    lines: [
      `The webhook ${text(p, 'url') ?? ''} failed every delivery since ${time(p, 'failingSince')} and was disabled.`,
      ...(text(p, 'lastError') ? [`Last error: ${text(p, 'lastError')}`] : []),
    ],
  }),
};

/** A header-safe subject: one line, bounded length. */
function oneLine(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length <= MAX_SUBJECT ? line : `${line.slice(0, MAX_SUBJECT - 3)}...`;
}

/** Subject and plain-text body of a notification, from its template and stored payload. */
export function renderNotification(
  template: NotificationTemplate,
  payload: Payload,
): RenderedNotification {
  const parts = Object.hasOwn(PARTS, template)
    ? PARTS[template](payload)
    : { headline: String(template), lines: [JSON.stringify(payload, null, 2)] };
  const displayId = text(payload, 'displayId');
  const details = text(payload, 'details');
  const subject = [displayId ? `[${displayId}]` : '', parts.headline, details ? `- ${details}` : '']
    .filter(Boolean)
    .join(' ');
  const caseLine = [displayId, details].filter(Boolean).join(': ');
  const body = [...(caseLine ? [`Case ${caseLine}`, ''] : []), ...parts.lines];
  return { subject: oneLine(subject), text: `${body.join('\n').trimEnd()}\n` };
}
