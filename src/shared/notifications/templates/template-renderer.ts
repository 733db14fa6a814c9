import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { NotificationTemplate } from '../notification';
import { TEMPLATE_VARIABLES, TemplateText, TIME_VARIABLES } from './builtin-templates';

/** An isolated Handlebars: no helper or partial another library registers reaches templates. */
const hbs = Handlebars.create();
const OPTIONS = { knownHelpersOnly: true } as const;
const MAX_SUBJECT = 200;
const CACHE_LIMIT = 500;
const cache = new Map<string, HandlebarsTemplateDelegate>();

export interface TemplateRecipient {
  id: string;
  name?: string | null;
  timeZone?: string | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The parse error of a template text, or null when it compiles. */
export function compileError(source: string): string | null {
  try {
    hbs.precompile(source, OPTIONS);
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).slice(0, 500);
  }
}

function compiled(source: string, noEscape: boolean): HandlebarsTemplateDelegate {
  const key = `${noEscape ? 1 : 0}${source}`;
  let template = cache.get(key);
  if (!template) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    template = hbs.compile(source, { ...OPTIONS, noEscape });
    cache.set(key, template);
  }
  return template;
}

function time(value: unknown, zone: string | null | undefined): unknown {
  const at = value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(String(value));
  if (!at.isValid) return value;
  const local = at.setZone(zone || 'UTC');
  return (local.isValid ? local : at.toUTC()).toFormat("yyyy-MM-dd HH:mm '('z')'");
}

/** What a template sees: `case`, `recipient`, `kind` and the kind's own variables. */
export function templateModel(
  kind: NotificationTemplate,
  payload: Record<string, unknown>,
  caseId: string | null,
  recipient: TemplateRecipient,
): Record<string, unknown> {
  const model: Record<string, unknown> = {
    kind,
    case: { id: caseId, displayId: payload.displayId, details: payload.details },
    recipient: { id: recipient.id, name: recipient.name ?? recipient.id },
  };
  for (const name of TEMPLATE_VARIABLES[kind] ?? []) {
    const value = payload[name];
    if (value === undefined || value === null) continue;
    model[name] = TIME_VARIABLES.has(name) ? time(value, recipient.timeZone) : value;
  }
  return model;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
  '&#x60;': '`',
  '&#x3D;': '=',
};

/**
 * Subject (one header-safe line) and body. The body is rendered escaped, as the HTML part
 * (line breaks kept); the text part is that rendering with the entities decoded.
 */
export function renderMail(template: TemplateText, model: Record<string, unknown>): RenderedMail {
  const line = compiled(template.subject, true)(model).replace(/\s+/g, ' ').trim();
  const subject = line.length <= MAX_SUBJECT ? line : `${line.slice(0, MAX_SUBJECT - 3)}...`;
  const escaped = compiled(template.body, false)(model).trimEnd();
  const text = `${escaped.replace(/&(amp|lt|gt|quot|#x27|#x60|#x3D);/g, (e) => ENTITIES[e])}\n`;
  const html = `<div style="white-space: pre-wrap">${escaped}</div>`;
  return { subject, text, html };
}
