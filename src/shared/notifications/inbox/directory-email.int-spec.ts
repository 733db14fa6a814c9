import { randomUUID } from 'node:crypto';
import { startSmtpServer } from '../../../../test/support/local-smtp';
import {
  createTestModule,
  NOTIFICATION_MODULES,
  TestModule,
} from '../../../../test/support/test-module';
import { newTenant } from '../../../../test/support/test-env';
import { TransactionManager } from '../../database/transaction-manager';
import { Directory, DirectoryUserChanges } from '../../directory/directory';
import { NewNotification } from '../notification';
import { NotificationChannel } from '../notification-channel';
import { NotificationDispatcher } from '../notification-dispatcher';
import { Notifier } from '../notifier';
import { NotificationTemplateStore } from '../templates/notification-template.store';
import { RecipientMailer } from './recipient-mailer';

interface RecipientRow {
  id: string;
  user_id: string;
  email_status: string;
  email_attempts: number;
}

describe('notifications to directory users and groups (integration, local smtp-server)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestModule;
  let tenant: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestModule(NOTIFICATION_MODULES, { env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t.close();
    delete process.env.SMTP_URL;
    await smtp.close();
  });
  beforeEach(() => {
    tenant = newTenant();
    smtp.inbox.splice(0);
  });
  afterEach(() => jest.restoreAllMocks());

  const user = (id: string, changes: DirectoryUserChanges) =>
    t.get(Directory).saveUser(tenant, id, changes, t.clock.now());

  function commented(recipients: NewNotification['recipient'][], actor = 'bob'): NewNotification[] {
    const caseId = randomUUID();
    return recipients.map((recipient) => ({
      clientId: tenant,
      caseId,
      recipient,
      template: 'case.commented' as const,
      payload: {
        displayId: `CM${tenant}-7`,
        details: 'Printer <b>broken</b>',
        authorId: actor,
        comment: 'Toner & drum replaced',
      },
    }));
  }

  async function record(notifications: NewNotification[]): Promise<void> {
    await t.get(TransactionManager).run(() => t.get(Notifier).record(notifications));
    await t.get(NotificationDispatcher).settled();
  }

  const recipients = (): Promise<RecipientRow[]> =>
    t.dataSource.query(
      `SELECT id, user_id, email_status, email_attempts FROM notification_recipients
        WHERE client_id = $1 ORDER BY user_id`,
      [tenant],
    );
  const mailTo = (address: string) => smtp.inbox.filter((m) => m.rcptTo.includes(address));

  it('reaches each active group member and a direct user once, in their locale, with stable headers', async () => {
    await user('anna', { email: 'anna@example.test', groups: ['desk'], locale: 'de-AT' });
    await user('ben', { email: 'ben@example.test', groups: ['desk'] });
    await user('cleo', { email: 'cleo@example.test', groups: ['desk'], active: false });
    await user('bob', { email: 'bob@example.test', groups: ['desk'] });
    await record(
      commented([
        { kind: 'group', id: 'desk' },
        { kind: 'user', id: 'ben' },
        { kind: 'user', id: 'nomail' },
      ]),
    );

    const rows = await recipients();
    // cleo is inactive, bob wrote the comment, nomail is not in the directory (inbox only).
    expect(rows.map((r) => [r.user_id, r.email_status])).toEqual([
      ['anna', 'SENT'],
      ['ben', 'SENT'],
      ['nomail', 'NONE'],
    ]);
    expect(smtp.inbox.map((m) => m.rcptTo).sort()).toEqual([
      ['anna@example.test'],
      ['ben@example.test'],
    ]);

    const [anna] = mailTo('anna@example.test');
    expect(anna.headers['subject']).toBe(`[CM${tenant}-7] Neuer Kommentar`);
    expect(anna.headers['message-id']).toBe(`<${rows[0].id}@desk.example.test>`);
    expect(anna.headers['list-unsubscribe']).toBe(
      '<mailto:cases@desk.example.test?subject=unsubscribe>',
    );
    expect(anna.text).toContain('Kommentar von bob:\r\n\r\nToner & drum replaced');
    expect(anna.text).toContain('Printer <b>broken</b>');
    expect(anna.html).toContain('Printer &lt;b&gt;broken&lt;/b&gt;');
    expect(anna.html).toContain('Toner &amp; drum replaced');
    const [ben] = mailTo('ben@example.test');
    expect(ben.headers['subject']).toBe(`[CM${tenant}-7] New comment`);
  });

  it("renders the tenant's template for the language, times in the user's time zone", async () => {
    await user('anna', { email: 'anna@example.test', locale: 'de-CH', timeZone: 'Europe/Zurich' });
    await t.get(NotificationTemplateStore).save(
      tenant,
      'sla.warning',
      'de',
      {
        subject: 'SLA {{slaName}} für {{case.displayId}}',
        body: 'Frist: {{breachAt}} / {{recipient.id}}',
      },
      { userId: 'admin', now: t.clock.now() },
    );
    await record([
      {
        clientId: tenant,
        caseId: randomUUID(),
        recipient: { kind: 'user', id: 'anna' },
        template: 'sla.warning',
        payload: { displayId: 'CM-1', slaName: 'Resolve', breachAt: '2026-01-05T13:00:00.000Z' },
      },
    ]);
    const [mail] = mailTo('anna@example.test');
    expect(mail.headers['subject']).toMatch(/^=\?UTF-8\?/);
    expect(mail.text).toBe(
      'Frist: 2026-01-05 14:00 (Europe/Zurich) / anna\n'.replace(/\n/g, '\r\n'),
    );
  });

  it('retries a refused e-mail with the same Message-ID and never sends it twice', async () => {
    await user('anna', { email: 'anna@example.test' });
    smtp.refuse('anna@example.test');
    await record(commented([{ kind: 'user', id: 'anna' }]));
    let [row] = await recipients();
    expect(row).toMatchObject({ email_status: 'PENDING', email_attempts: 1 });
    expect(smtp.inbox).toHaveLength(0);

    const mailer = t.get(RecipientMailer);
    expect(await mailer.dispatch({ clientId: tenant })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    t.clock.advanceMinutes(1);
    expect(await mailer.dispatch({ clientId: tenant })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    [row] = await recipients();
    expect(row).toMatchObject({ email_status: 'SENT', email_attempts: 2 });
    expect(smtp.inbox.map((m) => m.headers['message-id'])).toEqual([
      `<${row.id}@desk.example.test>`,
    ]);

    t.clock.advanceMinutes(60);
    await mailer.dispatch({ clientId: tenant });
    await t.get(NotificationDispatcher).dispatchDue({ clientId: tenant });
    expect(smtp.inbox).toHaveLength(1);
  });

  it('sends each e-mail once when two dispatchers race over the same events', async () => {
    const members = Array.from({ length: 24 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    for (const id of members)
      await user(id, { email: `${id}@example.test`, groups: ['ops', 'desk'] });
    jest.spyOn(t.get(NotificationDispatcher), 'dispatchSoon').mockImplementation(() => undefined);
    const direct = members.slice(0, 8).map((id) => ({ kind: 'user' as const, id }));
    await record(
      commented([{ kind: 'group', id: 'ops' }, { kind: 'group', id: 'desk' }, ...direct]),
    );

    const tx = t.get(TransactionManager);
    const channel = t.get(NotificationChannel);
    const first = new NotificationDispatcher(tx, t.clock, channel);
    const second = new NotificationDispatcher(tx, t.clock, channel);
    await Promise.all([
      first.dispatchDue({ clientId: tenant }),
      second.dispatchDue({ clientId: tenant }),
      t.get(RecipientMailer).dispatch({ clientId: tenant }),
    ]);
    await t.get(RecipientMailer).dispatch({ clientId: tenant });

    const rows = await recipients();
    expect(rows.map((r) => r.user_id)).toEqual(members);
    expect(rows.every((r) => r.email_status === 'SENT' && r.email_attempts === 1)).toBe(true);
    const sent = smtp.inbox.flatMap((m) => m.rcptTo).sort();
    expect(sent).toEqual(members.map((id) => `${id}@example.test`));
  });
});
