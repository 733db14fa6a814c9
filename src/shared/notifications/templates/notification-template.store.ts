import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../database/transaction-manager';
import { localeFallbacks, LOCALE_PATTERN } from '../../directory/locale';
import { NOTIFICATION_TEMPLATES, NotificationTemplate } from '../notification';
import { BUILTIN_TEMPLATES, TemplateText } from './builtin-templates';
import {
  NotificationKindUnknownError,
  NotificationLocaleInvalidError,
  NotificationTemplateInvalidError,
} from './template.errors';
import { compileError } from './template-renderer';

export interface StoredTemplate extends TemplateText {
  kind: NotificationTemplate;
  locale: string;
  /** Set by the tenant (true) or built in (false). */
  custom: boolean;
  updatedAt: Date | null;
}

interface Row {
  kind: NotificationTemplate;
  locale: string;
  subject: string;
  body: string;
  updated_at: Date;
}

export function assertKindAndLocale(kind: string, locale: string): NotificationTemplate {
  if (!NOTIFICATION_TEMPLATES.includes(kind as NotificationTemplate)) {
    throw new NotificationKindUnknownError(kind);
  }
  if (!LOCALE_PATTERN.test(locale)) throw new NotificationLocaleInvalidError();
  return kind as NotificationTemplate;
}

/** The tenant's templates over the built-in ones, per kind and locale. */
@Injectable()
export class NotificationTemplateStore {
  constructor(private readonly tx: TransactionManager) {}

  /** Every built-in template and every template the tenant set, by kind and locale. */
  async list(clientId: string): Promise<StoredTemplate[]> {
    const rows = await this.tx.query<Row>(
      `SELECT kind, locale, subject, body, updated_at FROM notification_templates WHERE client_id = $1`,
      [clientId],
    );
    const all = new Map<string, StoredTemplate>();
    for (const [locale, templates] of Object.entries(BUILTIN_TEMPLATES)) {
      for (const kind of NOTIFICATION_TEMPLATES) {
        all.set(`${kind} ${locale}`, {
          kind,
          locale,
          ...templates[kind],
          custom: false,
          updatedAt: null,
        });
      }
    }
    for (const r of rows) {
      const { kind, locale, subject, body } = r;
      all.set(`${kind} ${locale}`, {
        kind,
        locale,
        subject,
        body,
        custom: true,
        updatedAt: r.updated_at,
      });
    }
    return [...all.values()].sort((a, b) =>
      (a.kind + ' ' + a.locale).localeCompare(b.kind + ' ' + b.locale),
    );
  }

  async save(
    clientId: string,
    kindText: string,
    locale: string,
    text: TemplateText,
    by: { userId: string; now: Date },
  ): Promise<StoredTemplate> {
    const kind = assertKindAndLocale(kindText, locale);
    const problems = (['subject', 'body'] as const).flatMap((field) => {
      const message = compileError(text[field]);
      return message ? [{ field, message }] : [];
    });
    if (problems.length > 0) throw new NotificationTemplateInvalidError(problems);
    await this.tx.query(
      `INSERT INTO notification_templates (client_id, kind, locale, subject, body, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (client_id, kind, locale) DO UPDATE
         SET subject = EXCLUDED.subject, body = EXCLUDED.body,
             updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [clientId, kind, locale, text.subject, text.body, by.userId, by.now],
    );
    return { kind, locale, ...text, custom: true, updatedAt: by.now };
  }

  /** Back to the built-in; resetting a template the tenant never set changes nothing. */
  async reset(clientId: string, kindText: string, locale: string): Promise<void> {
    const kind = assertKindAndLocale(kindText, locale);
    await this.tx.query(
      `DELETE FROM notification_templates WHERE client_id = $1 AND kind = $2 AND locale = $3`,
      [clientId, kind, locale],
    );
  }

  /** The template for a recipient's locale: the locale, its language, then English. */
  async resolve(
    clientId: string,
    kind: NotificationTemplate,
    locale: string | null,
  ): Promise<TemplateText & { locale: string }> {
    const candidates = localeFallbacks(locale);
    const rows = await this.tx.query<Row>(
      `SELECT kind, locale, subject, body, updated_at FROM notification_templates
        WHERE client_id = $1 AND kind = $2 AND locale = ANY($3::text[])`,
      [clientId, kind, candidates],
    );
    for (const candidate of candidates) {
      const own = rows.find((r) => r.locale === candidate);
      if (own) return { locale: candidate, subject: own.subject, body: own.body };
      const builtin = BUILTIN_TEMPLATES[candidate]?.[kind];
      if (builtin) return { locale: candidate, ...builtin };
    }
    return { locale: 'en', ...BUILTIN_TEMPLATES.en[kind] };
  }
}
