import { randomUUID } from 'node:crypto';
import {
  createTestModule,
  NOTIFICATION_MODULES,
  TestModule,
} from '../../../test/support/test-module';
import { newTenant } from '../../../test/support/test-env';
import { TransactionManager } from '../database/transaction-manager';
import { NewNotification, RecordedNotification } from './notification';
import { NotificationChannel } from './notification-channel';
import { NOTIFICATION_MAX_ATTEMPTS, NotificationDispatcher } from './notification-dispatcher';
import { UndeliverableNotificationError } from './notification.errors';
import { Notifier } from './notifier';

interface Row {
  id: string;
  client_id: string;
  case_id: string | null;
  recipient_kind: string;
  recipient_id: string;
  channel: string;
  template: string;
  payload: Record<string, unknown>;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  note: string | null;
  dedupe_key: string | null;
  created_at: Date;
  sent_at: Date | null;
}

describe('notifications (integration)', () => {
  let t: TestModule;
  let tx: TransactionManager;
  let notifier: Notifier;
  let dispatcher: NotificationDispatcher;
  let deliver: jest.SpyInstance<ReturnType<NotificationChannel['deliver']>, [RecordedNotification]>;
  let tenant: string;

  beforeAll(async () => {
    t = await createTestModule(NOTIFICATION_MODULES);
    tx = t.get(TransactionManager);
    notifier = t.get(Notifier);
    dispatcher = t.get(NotificationDispatcher);
  });
  afterAll(() => t.close());

  beforeEach(() => {
    tenant = newTenant();
    deliver = jest.spyOn(t.get(NotificationChannel), 'deliver');
  });
  afterEach(() => jest.restoreAllMocks());

  function slaWarning(overrides: Partial<NewNotification> = {}): NewNotification {
    return {
      clientId: tenant,
      caseId: randomUUID(),
      recipient: { kind: 'user', id: 'alice' },
      template: 'sla.warning',
      payload: { displayId: `CM${tenant}-1`, slaName: 'Resolve', breachAt: t.clock.now() },
      ...overrides,
    } as NewNotification;
  }

  async function recordCommitted(...notifications: NewNotification[]): Promise<void> {
    await tx.run(() => notifier.record(notifications));
    await dispatcher.settled();
  }

  async function rows(clientId = tenant): Promise<Row[]> {
    return t.dataSource.query(
      `SELECT * FROM notifications WHERE client_id = $1 ORDER BY recipient_id, id`,
      [clientId],
    );
  }

  const deliveredIds = () => deliver.mock.calls.map(([n]) => n.id);
  const now = () => t.clock.now().getTime();

  it('leaves no row and sends nothing when the transaction rolls back', async () => {
    await expect(
      tx.run(async () => {
        await notifier.record([slaWarning()]);
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    await dispatcher.settled();

    expect(await rows()).toEqual([]);
    expect(await dispatcher.dispatchDue({ clientId: tenant })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(deliver).not.toHaveBeenCalled();
  });

  it('refuses to record outside a transaction', async () => {
    await expect(notifier.record([slaWarning()])).rejects.toThrow(/inside TransactionManager.run/);
    expect(await rows()).toEqual([]);
  });

  it('delivers a committed notification once, right after commit', async () => {
    const caseId = randomUUID();
    await recordCommitted(slaWarning({ caseId }));

    const [row] = await rows();
    expect(row).toMatchObject({
      client_id: tenant,
      case_id: caseId,
      recipient_kind: 'user',
      recipient_id: 'alice',
      channel: 'log',
      template: 'sla.warning',
      status: 'SENT',
      attempts: 1,
      last_error: null,
    });
    expect(row.payload).toEqual({
      displayId: `CM${tenant}-1`,
      slaName: 'Resolve',
      breachAt: t.clock.now().toISOString(),
    });
    expect(row.sent_at?.getTime()).toBe(now());
    expect(row.created_at.getTime()).toBe(now());
    expect(deliveredIds()).toEqual([row.id]);
    expect(deliver.mock.calls[0][0]).toMatchObject({
      clientId: tenant,
      caseId,
      recipient: { kind: 'user', id: 'alice' },
      template: 'sla.warning',
    });

    t.clock.advanceMinutes(24 * 60);
    expect(await dispatcher.dispatchDue({ clientId: tenant })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(deliver).toHaveBeenCalledTimes(1);
    expect((await rows())[0].status).toBe('SENT');
  });

  it('delivers from the poll what was committed but never dispatched (a crash after commit)', async () => {
    jest.spyOn(dispatcher, 'dispatchSoon').mockImplementation(() => undefined);
    await recordCommitted(slaWarning(), slaWarning({ recipient: { kind: 'group', id: 'ops' } }));
    expect((await rows()).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);

    expect(await dispatcher.dispatchDue({ clientId: tenant })).toEqual({
      sent: 2,
      retrying: 0,
      failed: 0,
    });
    expect((await rows()).map((r) => [r.recipient_id, r.status, r.attempts])).toEqual([
      ['alice', 'SENT', 1],
      ['ops', 'SENT', 1],
    ]);
    expect(deliver).toHaveBeenCalledTimes(2);
  });

  it('retries with exponential backoff: fails twice, then succeeds on the third attempt', async () => {
    deliver
      .mockRejectedValueOnce(new Error('mail server down'))
      .mockRejectedValueOnce(new Error('still down'));
    await recordCommitted(slaWarning());

    let [row] = await rows();
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, last_error: 'mail server down' });
    expect(row.next_attempt_at.getTime()).toBe(now() + 30_000);

    expect((await dispatcher.dispatchDue({ clientId: tenant })).retrying).toBe(0);
    t.clock.advanceMinutes(0.25);
    expect((await dispatcher.dispatchDue({ clientId: tenant })).retrying).toBe(0);
    expect(deliver).toHaveBeenCalledTimes(1);

    t.clock.advanceMinutes(0.25);
    expect(await dispatcher.dispatchDue({ clientId: tenant })).toMatchObject({ retrying: 1 });
    [row] = await rows();
    expect(row).toMatchObject({ status: 'PENDING', attempts: 2, last_error: 'still down' });
    expect(row.next_attempt_at.getTime()).toBe(now() + 60_000);

    t.clock.advanceMinutes(0.5);
    expect(await dispatcher.dispatchDue({ clientId: tenant })).toMatchObject({ sent: 0 });
    expect(deliver).toHaveBeenCalledTimes(2);

    t.clock.advanceMinutes(0.5);
    expect(await dispatcher.dispatchDue({ clientId: tenant })).toMatchObject({ sent: 1 });
    [row] = await rows();
    expect(row).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(row.sent_at?.getTime()).toBe(now());
    expect(deliveredIds()).toEqual([row.id, row.id, row.id]);
  });

  it(`marks FAILED after ${NOTIFICATION_MAX_ATTEMPTS} attempts, keeping the last error without secrets`, async () => {
    deliver.mockRejectedValue(new Error('connect ECONNREFUSED smtp://mailer:hunter2@mail:25'));
    await recordCommitted(slaWarning());

    for (let attempt = 2; attempt <= NOTIFICATION_MAX_ATTEMPTS; attempt++) {
      t.clock.advanceMinutes(60);
      await dispatcher.dispatchDue({ clientId: tenant });
    }
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'FAILED', attempts: NOTIFICATION_MAX_ATTEMPTS });
    expect(row.last_error).toBe('connect ECONNREFUSED smtp://***@mail:25');
    expect(row.sent_at).toBeNull();

    t.clock.advanceMinutes(24 * 60);
    expect(await dispatcher.dispatchDue({ clientId: tenant })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(deliver).toHaveBeenCalledTimes(NOTIFICATION_MAX_ATTEMPTS);
  });

  it('marks an undeliverable notification FAILED at once', async () => {
    deliver.mockRejectedValueOnce(new UndeliverableNotificationError('550 no such mailbox'));
    await recordCommitted(slaWarning());

    const [row] = await rows();
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, last_error: '550 no such mailbox' });
    t.clock.advanceMinutes(60);
    await dispatcher.dispatchDue({ clientId: tenant });
    expect(deliver).toHaveBeenCalledTimes(1);
  });

  it('never hands a claimed notification out twice, even to a poll running meanwhile', async () => {
    let release!: () => void;
    deliver.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve({}))));
    await tx.run(() => notifier.record([slaWarning()]));
    while (deliver.mock.calls.length === 0) await new Promise((r) => setTimeout(r, 10));

    const [claimed] = await rows();
    expect(claimed).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(claimed.next_attempt_at.getTime()).toBe(now() + 5 * 60_000);
    expect(await dispatcher.dispatchDue({ clientId: tenant })).toMatchObject({ sent: 0 });

    release();
    await dispatcher.settled();
    expect((await rows())[0]).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(deliver).toHaveBeenCalledTimes(1);
  });

  it('records a dedupe key once per tenant and recipient, however often the job runs', async () => {
    const key = `sla.warning:${randomUUID()}`;
    const watchers = ['alice', 'bob'].map((id) =>
      slaWarning({ dedupeKey: key, recipient: { kind: 'user', id } }),
    );
    await recordCommitted(...watchers, watchers[0]);
    await recordCommitted(...watchers);
    await recordCommitted(slaWarning({ dedupeKey: key, recipient: { kind: 'user', id: 'carol' } }));

    const other = newTenant();
    await recordCommitted({ ...watchers[0], clientId: other });

    expect((await rows()).map((r) => [r.recipient_id, r.dedupe_key, r.status])).toEqual([
      ['alice', key, 'SENT'],
      ['bob', key, 'SENT'],
      ['carol', key, 'SENT'],
    ]);
    expect((await rows(other)).map((r) => [r.client_id, r.recipient_id])).toEqual([
      [other, 'alice'],
    ]);
    expect(deliver).toHaveBeenCalledTimes(4);
  });

  it('records notifications without a dedupe key every time', async () => {
    await recordCommitted(slaWarning());
    await recordCommitted(slaWarning());
    expect(await rows()).toHaveLength(2);
  });

  it('always sets the tenant: a notification without one is refused, and polls stay in their tenant', async () => {
    await expect(tx.run(() => notifier.record([slaWarning({ clientId: ' ' })]))).rejects.toThrow(
      /clientId is required/,
    );
    await expect(
      tx.run(() => notifier.record([slaWarning({ recipient: { kind: 'user', id: '' } })])),
    ).rejects.toThrow(/recipient id is required/);

    jest.spyOn(dispatcher, 'dispatchSoon').mockImplementation(() => undefined);
    await recordCommitted(slaWarning());
    expect(await dispatcher.dispatchDue({ clientId: newTenant() })).toMatchObject({ sent: 0 });
    expect((await rows())[0]).toMatchObject({ client_id: tenant, status: 'PENDING' });
    expect(deliver).not.toHaveBeenCalled();
  });
});
