import { NotificationTemplate } from '../notification';

export interface TemplateText {
  subject: string;
  body: string;
}

const CASE_EN = '[{{case.displayId}}]';
const FOOTER_EN = '\n\n-- \nYou receive this because you follow or work on this case.';
const FOOTER_DE =
  '\n\n-- \nSie erhalten diese Nachricht, weil Sie diesem Fall folgen oder ihn bearbeiten.';
const HEAD_EN = 'Case {{case.displayId}}{{#if case.details}}: {{case.details}}{{/if}}\n\n';
const HEAD_DE = 'Fall {{case.displayId}}{{#if case.details}}: {{case.details}}{{/if}}\n\n';

const EN: Record<NotificationTemplate, TemplateText> = {
  'case.state-changed': {
    subject: `${CASE_EN} State changed to {{#if stateLabel}}{{stateLabel}}{{else}}{{toState}}{{/if}}`,
    body: `${HEAD_EN}State: {{fromState}} -> {{toState}}{{#if actorId}}\nChanged by: {{actorId}}{{/if}}{{#if comment}}\n\n{{comment}}{{/if}}`,
  },
  'case.commented': {
    subject: `${CASE_EN} New comment`,
    body: `${HEAD_EN}Comment by {{authorId}}:\n\n{{comment}}`,
  },
  'case.message': {
    subject: `${CASE_EN} {{#if subject}}{{subject}}{{else}}New message{{/if}}`,
    body: `${HEAD_EN}{{#if from}}From: {{from}}\n\n{{/if}}{{body}}`,
  },
  'sla.warning': {
    subject: `${CASE_EN} SLA warning: {{slaName}}`,
    body: `${HEAD_EN}The SLA "{{slaName}}" will be breached at {{breachAt}}.`,
  },
  'sla.violated': {
    subject: `${CASE_EN} SLA violated: {{slaName}}`,
    body: `${HEAD_EN}The SLA "{{slaName}}" was breached at {{breachAt}}.`,
  },
  'sla.escalated': {
    subject: `${CASE_EN} SLA escalated: {{slaName}} at {{atPercent}}%`,
    body: `${HEAD_EN}The SLA "{{slaName}}" reached {{atPercent}}% of its target; the case is escalated to you.`,
  },
  'due-date.warning': {
    subject: `${CASE_EN} Due date approaching`,
    body: `${HEAD_EN}The case is due at {{dueDate}}.`,
  },
  'due-date.exceeded': {
    subject: `${CASE_EN} Due date exceeded`,
    body: `${HEAD_EN}The case was due at {{dueDate}}.`,
  },
  'webhook.disabled': {
    subject: 'Webhook disabled: {{url}}',
    body: 'The webhook {{url}} ({{webhookId}}) failed every delivery since {{failingSince}} and was disabled.{{#if lastError}}\nLast error: {{lastError}}{{/if}}\nRe-enable it with PATCH /api/v1/webhooks/{{webhookId}} {"active": true}.',
  },
};

const DE: Record<NotificationTemplate, TemplateText> = {
  'case.state-changed': {
    subject: `${CASE_EN} Status geändert zu {{#if stateLabel}}{{stateLabel}}{{else}}{{toState}}{{/if}}`,
    body: `${HEAD_DE}Status: {{fromState}} -> {{toState}}{{#if actorId}}\nGeändert von: {{actorId}}{{/if}}{{#if comment}}\n\n{{comment}}{{/if}}`,
  },
  'case.commented': {
    subject: `${CASE_EN} Neuer Kommentar`,
    body: `${HEAD_DE}Kommentar von {{authorId}}:\n\n{{comment}}`,
  },
  'case.message': {
    subject: `${CASE_EN} {{#if subject}}{{subject}}{{else}}Neue Nachricht{{/if}}`,
    body: `${HEAD_DE}{{#if from}}Von: {{from}}\n\n{{/if}}{{body}}`,
  },
  'sla.warning': {
    subject: `${CASE_EN} SLA-Warnung: {{slaName}}`,
    body: `${HEAD_DE}Das SLA "{{slaName}}" wird am {{breachAt}} verletzt.`,
  },
  'sla.violated': {
    subject: `${CASE_EN} SLA verletzt: {{slaName}}`,
    body: `${HEAD_DE}Das SLA "{{slaName}}" wurde am {{breachAt}} verletzt.`,
  },
  'sla.escalated': {
    subject: `${CASE_EN} SLA eskaliert: {{slaName}} bei {{atPercent}} %`,
    body: `${HEAD_DE}Das SLA "{{slaName}}" hat {{atPercent}} % seines Ziels erreicht; der Fall wird an Sie eskaliert.`,
  },
  'due-date.warning': {
    subject: `${CASE_EN} Fälligkeit naht`,
    body: `${HEAD_DE}Der Fall ist fällig am {{dueDate}}.`,
  },
  'due-date.exceeded': {
    subject: `${CASE_EN} Fälligkeit überschritten`,
    body: `${HEAD_DE}Der Fall war fällig am {{dueDate}}.`,
  },
  'webhook.disabled': {
    subject: 'Webhook deaktiviert: {{url}}',
    body: 'Der Webhook {{url}} ({{webhookId}}) ist seit {{failingSince}} bei jeder Zustellung gescheitert und wurde deaktiviert.{{#if lastError}}\nLetzter Fehler: {{lastError}}{{/if}}\nReaktivieren mit PATCH /api/v1/webhooks/{{webhookId}} {"active": true}.',
  },
};

const withFooter = (
  templates: Record<NotificationTemplate, TemplateText>,
  footer: string,
): Record<NotificationTemplate, TemplateText> =>
  Object.fromEntries(
    Object.entries(templates).map(([kind, t]) => [
      kind,
      // Only case notifications go to followers and workers of a case.
      kind.startsWith('webhook.') ? t : { ...t, body: t.body + footer },
    ]),
  ) as Record<NotificationTemplate, TemplateText>;

/** The built-in templates, per locale; tenants override them per kind and locale. */
export const BUILTIN_TEMPLATES: Record<string, Record<NotificationTemplate, TemplateText>> = {
  en: withFooter(EN, FOOTER_EN),
  de: withFooter(DE, FOOTER_DE),
};

/** The variables each kind's templates get besides `case` and `recipient` (README lists them). */
export const TEMPLATE_VARIABLES: Record<NotificationTemplate, string[]> = {
  'case.state-changed': ['fromState', 'toState', 'stateLabel', 'actorId', 'comment'],
  'case.commented': ['authorId', 'comment'],
  'case.message': ['subject', 'body', 'from'],
  'sla.warning': ['slaName', 'breachAt'],
  'sla.violated': ['slaName', 'breachAt'],
  'sla.escalated': ['slaName', 'atPercent'],
  'due-date.warning': ['dueDate'],
  'due-date.exceeded': ['dueDate'],
  'webhook.disabled': ['webhookId', 'url', 'failingSince', 'lastError'],
};

/** Payload fields that are times, shown in the recipient's time zone. */
export const TIME_VARIABLES = new Set(['breachAt', 'dueDate', 'failingSince']);
