import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  createTestModule,
  NOTIFICATION_MODULES,
  TestModule,
} from '../../../test/support/test-module';
import { newTenant } from '../../../test/support/test-env';
import { TransactionManager } from '../database/transaction-manager';
import { RecordedNotification } from './notification';
import { NotificationDispatcher } from './notification-dispatcher';
import { UndeliverableNotificationError } from './notification.errors';
import { Notifier } from './notifier';
import { SmtpNotificationChannel } from './smtp.notification-channel';

interface Received {
  mailFrom: string | undefined;
  rcptTo: string[];
  headers: Record<string, string>;
  body: string;
}

/** Header fields of a raw message, unfolded, keyed by lower-case name. */
function parse(raw: string): Pick<Received, 'headers' | 'body'> {
  const [head, ...body] = raw.split('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: body.join('\r\n\r\n') };
}

/** A real SMTP server on 127.0.0.1 (random port, no auth, no TLS) that keeps what it receives. */
async function startSmtpServer(): Promise<{ server: SMTPServer; port: number; inbox: Received[] }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!address.address.startsWith('nobody@')) return callback();
      callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          rcptTo: session.envelope.rcptTo.map((a) => a.address),
          ...parse(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, inbox };
}

describe('SMTP notification channel (integration, local smtp-server)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let smtpUrl: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    smtpUrl = `smtp://127.0.0.1:${smtp.port}/?ignoreTLS=true&from=cases@desk.example.test`;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(resolve)));
  beforeEach(() => smtp.inbox.splice(0));

  function notification(overrides: Partial<RecordedNotification> = {}): RecordedNotification {
    return {
      id: randomUUID(),
      clientId: 'acme',
      caseId: randomUUID(),
      recipient: { kind: 'email', id: 'alice@example.test' },
      channel: 'email',
      template: 'sla.violated',
      payload: {
        displayId: 'CMacme-42',
        details: 'Printer broken',
        slaName: 'Resolve',
        breachAt: '2026-01-05T13:00:00.000Z',
      },
      attempts: 1,
      createdAt: new Date(),
      eventKey: randomUUID(),
      ...overrides,
    };
  }

  describe('adapter', () => {
    let channel: SmtpNotificationChannel;
    beforeAll(() => (channel = new SmtpNotificationChannel(smtpUrl)));
    afterAll(() => channel.onModuleDestroy());

    it('sends e-mail recipients an e-mail, with the notification id as Message-ID', async () => {
      const n = notification();
      expect(channel.channelFor(n.recipient)).toBe('email');
      await expect(channel.deliver(n)).resolves.toEqual({});

      expect(smtp.inbox).toHaveLength(1);
      const [mail] = smtp.inbox;
      expect(mail.rcptTo).toEqual(['alice@example.test']);
      expect(mail.mailFrom).toBe('cases@desk.example.test');
      expect(mail.headers['to']).toBe('alice@example.test');
      expect(mail.headers['from']).toBe('cases@desk.example.test');
      expect(mail.headers['subject']).toBe('[CMacme-42] SLA violated: Resolve - Printer broken');
      expect(mail.headers['message-id']).toBe(`<${n.id}@desk.example.test>`);
      expect(mail.body).toContain('The SLA "Resolve" was breached at 2026-01-05T13:00:00.000Z.');
    });

    it('logs user and group recipients (no address known) and says so in a note', async () => {
      const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
      expect(channel.channelFor({ kind: 'user', id: 'alice' })).toBe('log');
      const n = notification({ recipient: { kind: 'group', id: 'ops' }, channel: 'log' });
      const result = await channel.deliver(n);
      expect(result.note).toBe('no e-mail address for a group recipient; logged only');
      expect(log).toHaveBeenCalledWith(
        expect.objectContaining({ notificationId: n.id, recipient: { kind: 'group', id: 'ops' } }),
        'notification',
      );
      expect(smtp.inbox).toHaveLength(0);
      log.mockRestore();
    });

    it('treats a permanent SMTP rejection (5xx) as undeliverable', async () => {
      const n = notification({ recipient: { kind: 'email', id: 'nobody@example.test' } });
      await expect(channel.deliver(n)).rejects.toThrow(UndeliverableNotificationError);
      await expect(channel.deliver(n)).rejects.toThrow(/No such mailbox/);
      expect(smtp.inbox).toHaveLength(0);
    });

    it('refuses a recipient that is not one bare address (no extra recipients smuggled in)', async () => {
      const n = notification({
        recipient: { kind: 'email', id: 'alice@example.test, mallory@example.test' },
      });
      await expect(channel.deliver(n)).rejects.toThrow(UndeliverableNotificationError);
      expect(smtp.inbox).toHaveLength(0);
    });

    it('fails (to be retried) when the server cannot be reached', async () => {
      const closed = new SmtpNotificationChannel('smtp://127.0.0.1:1/?ignoreTLS=true');
      const error: unknown = await closed.deliver(notification()).catch((e: unknown) => e);
      expect(error).toMatchObject({ message: expect.stringMatching(/ECONNREFUSED/) });
      expect(error).not.toBeInstanceOf(UndeliverableNotificationError);
      closed.onModuleDestroy();
    });
  });

  describe('through the application (SMTP_URL set)', () => {
    let t: TestModule;

    beforeAll(async () => {
      t = await createTestModule(NOTIFICATION_MODULES, { env: { SMTP_URL: smtpUrl } });
    });
    afterAll(async () => {
      await t.close();
      delete process.env.SMTP_URL;
    });

    it('e-mails address recipients, puts user recipients in their inbox, and records both as SENT', async () => {
      const tenant = newTenant();
      const base = {
        clientId: tenant,
        caseId: randomUUID(),
        template: 'case.commented' as const,
        payload: { displayId: `CM${tenant}-3`, authorId: 'bob', comment: 'Toner replaced' },
      };
      await t.get(TransactionManager).run(() =>
        t.get(Notifier).record([
          { ...base, recipient: { kind: 'email', id: 'carol@example.test' } },
          { ...base, recipient: { kind: 'user', id: 'dave' } },
        ]),
      );
      await t.get(NotificationDispatcher).settled();

      const rows: {
        id: string;
        recipient_id: string;
        channel: string;
        status: string;
        note: string | null;
      }[] = await t.dataSource.query(
        `SELECT id, recipient_id, channel, status, note FROM notifications
            WHERE client_id = $1 ORDER BY recipient_id`,
        [tenant],
      );
      expect(rows.map(({ id: _id, ...r }) => r)).toEqual([
        { recipient_id: 'carol@example.test', channel: 'email', status: 'SENT', note: null },
        {
          recipient_id: 'dave',
          channel: 'log',
          status: 'SENT',
          // dave is not in the directory: an inbox row, no e-mail.
          note: 'inbox: 1 recipient(s); e-mail: 0 sent, 0 pending or failed',
        },
      ]);
      expect(smtp.inbox).toHaveLength(1);
      expect(smtp.inbox[0].rcptTo).toEqual(['carol@example.test']);
      expect(smtp.inbox[0].headers['subject']).toBe(`[CM${tenant}-3] New comment`);
      expect(smtp.inbox[0].headers['message-id']).toBe(`<${rows[0].id}@desk.example.test>`);

      t.clock.advanceMinutes(60);
      await t.get(NotificationDispatcher).dispatchDue({ clientId: tenant });
      expect(smtp.inbox).toHaveLength(1);
    });
  });
});
