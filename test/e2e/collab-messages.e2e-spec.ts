import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { caseTrail } from '../support/case-trail';
import { deliverNotifications } from '../support/deliver-notifications';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const { CASE_COMMENT, CASE_COMMENT_VIEW, CASE_INITIATOR_COMMENT, CASE_VIEW } = Permission;

interface NotificationRow {
  recipient_kind: string;
  recipient_id: string;
  template: string;
  payload: Record<string, unknown>;
}

describe('Collaboration: messages with the initiator (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  const agent = bearer({ tenant, user: 'uma', permissions: [CASE_COMMENT, CASE_VIEW] });
  let gateway: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
    // The e-mail gateway is a machine client holding only CASE_INITIATOR_COMMENT.
    const client = await t.http
      .post('/api/v1/oauth/clients')
      .set(admin)
      .send({ name: 'Mail gateway', permissions: [CASE_INITIATOR_COMMENT] })
      .expect(201);
    const token = await t.http
      .post('/api/v1/oauth/token')
      .send({
        grant_type: 'client_credentials',
        client_id: client.body.data.clientId,
        client_secret: client.body.data.clientSecret,
      })
      .expect(200);
    gateway = { Authorization: `Bearer ${token.body.access_token}` };
  });
  afterAll(() => t.close());

  const newCase = (body: Record<string, unknown> = {}) =>
    createCase(t, tenant, { caseTypeId: type.id, initiatorId: 'carol', ...body });
  const send = (id: string, body: object, headers = agent) =>
    t.http.post(`/api/v1/cases/${id}/messages`).set(headers).send(body);
  const receive = (id: string, body: object, headers = gateway) =>
    t.http.post(`/api/v1/cases/${id}/messages/inbound`).set(headers).send(body);
  const notifications = (caseId: string): Promise<NotificationRow[]> =>
    deliverNotifications(t, tenant).then(() =>
      t.dataSource.query(
        `SELECT recipient_kind, recipient_id, template, payload FROM notifications WHERE client_id = $1
          AND case_id = $2 AND template = 'case.message' ORDER BY recipient_kind, recipient_id`,
        [tenant, caseId],
      ),
    );
  const messageRows = (caseId: string) =>
    t.dataSource.query(
      `SELECT direction, from_address, to_address, subject, body, created_by FROM case_messages
        WHERE client_id = $1 AND case_id = $2 ORDER BY created_at, id`,
      [tenant, caseId],
    );

  describe('POST /cases/:id/messages', () => {
    it('sends to the initiator: 201 CASE0701, a row, an activity entry and a notification', async () => {
      const { id, displayId } = await newCase({ watchers: ['wendy'] });
      const res = await send(displayId, { subject: ' Photo please ', body: ' Can you send one? ' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        code: 'CASE0701',
        message: 'Message has been sent.',
        data: {
          id: expect.any(String),
          caseId: id,
          direction: 'OUT',
          from: 'uma',
          to: 'carol',
          subject: 'Photo please',
          body: 'Can you send one?',
          createdAt: TEST_START.toISOString(),
          createdBy: 'uma',
        },
      });
      expect(await messageRows(id)).toEqual([
        {
          direction: 'OUT',
          from_address: 'uma',
          to_address: 'carol',
          subject: 'Photo please',
          body: 'Can you send one?',
          created_by: 'uma',
        },
      ]);
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.row?.version).toBe(2);
      expect(trail.activities.at(-1)).toMatchObject({
        type: 'case.message-sent',
        actor_id: 'uma',
        data: {
          messageId: res.body.data.id,
          direction: 'OUT',
          to: 'carol',
          subject: 'Photo please',
        },
      });
      expect(trail.outbox).toContain('case.message-sent');
      const sent = await notifications(id);
      expect(sent.map((n) => `${n.recipient_kind}:${n.recipient_id}`)).toEqual([
        'user:carol',
        'user:wendy',
      ]);
      expect(sent[0].payload).toMatchObject({
        displayId,
        subject: 'Photo please',
        body: 'Can you send one?',
        from: 'uma',
      });
    });

    it('sends to an explicit e-mail address as an e-mail notification', async () => {
      const { id } = await newCase();
      const res = await send(id, { subject: 'Hi', body: 'Hello', to: 'carol@example.com' });
      expect(res.status).toBe(201);
      expect(res.body.data.to).toBe('carol@example.com');
      expect((await notifications(id)).map((n) => [n.recipient_kind, n.recipient_id])).toEqual([
        ['email', 'carol@example.com'],
      ]);
    });

    it('validates subject, body and to (400 with the field), writing nothing', async () => {
      const { id } = await newCase();
      for (const [body, field] of [
        [{ body: 'x' }, 'subject'],
        [{ subject: ' ', body: 'x' }, 'subject'],
        [{ subject: 'x'.repeat(501), body: 'x' }, 'subject'],
        [{ subject: 'x' }, 'body'],
        [{ subject: 'x', body: 'x'.repeat(50_001) }, 'body'],
        [{ subject: 'x', body: 'x', to: 'not-an-address' }, 'to'],
      ] as const) {
        const res = await send(id, body);
        expect({ field, status: res.status, code: res.body.code }).toEqual({
          field,
          status: 400,
          code: 'CASE4000',
        });
        expect(res.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field })]),
        );
      }
      expect(await messageRows(id)).toEqual([]);
    });
  });

  describe('POST /cases/:id/messages/inbound', () => {
    it('answers a REQUEST_INPUT case: 201 CASE0702, back to IN_PROCESS in the same change', async () => {
      const { id } = await newCase({ assignedToUsers: ['uma'] });
      await moveTo(t, tenant, id, CaseState.REQUEST_INPUT);
      const res = await receive(id, {
        from: 'carol@example.com',
        subject: 'Re: Photo please',
        body: 'Attached.',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        code: 'CASE0702',
        message: 'Received Message successfully.',
        data: { direction: 'IN', from: 'carol@example.com', to: null, subject: 'Re: Photo please' },
      });
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.row).toMatchObject({ state: CaseState.IN_PROCESS, version: 4 });
      expect(trail.activities.slice(-2).map((a) => [a.type, a.data.fromState])).toEqual([
        ['case.message-received', undefined],
        ['case.processing-started', CaseState.REQUEST_INPUT],
      ]);
      // The assignee hears of the message and of the state change it caused.
      await deliverNotifications(t, tenant);
      const rows = await t.dataSource.query(
        `SELECT template, recipient_id FROM notifications
          WHERE client_id = $1 AND case_id = $2 ORDER BY template`,
        [tenant, id],
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { template: 'case.message', recipient_id: 'uma' },
          { template: 'case.state-changed', recipient_id: 'uma' },
        ]),
      );
    });

    it('keeps the state of a case that is not waiting for input', async () => {
      const { id } = await newCase();
      await moveTo(t, tenant, id, CaseState.ON_HOLD);
      const res = await receive(id, { from: 'carol', subject: 'Hi', body: 'Still there?' });
      expect(res.status).toBe(201);
      expect((await caseTrail(t.dataSource, tenant, id)).row?.state).toBe(CaseState.ON_HOLD);
    });

    it('is open to the gateway client, the initiator and viewers; 404 to other users', async () => {
      const { id } = await newCase();
      const initiator = bearer({ tenant, user: 'carol', permissions: [CASE_INITIATOR_COMMENT] });
      const other = bearer({ tenant, user: 'zed', permissions: [CASE_INITIATOR_COMMENT] });
      const body = { from: 'carol', subject: 'Hi', body: 'Hello' };
      expect((await receive(id, body, initiator)).status).toBe(201);
      const hidden = await receive(id, body, other);
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('CASE4045');
      expect(await messageRows(id)).toHaveLength(1);
    });

    it('validates from, subject and body', async () => {
      const { id } = await newCase();
      for (const [body, field] of [
        [{ subject: 'x', body: 'x' }, 'from'],
        [{ from: ' ', subject: 'x', body: 'x' }, 'from'],
        [{ from: 'a', body: 'x' }, 'subject'],
        [{ from: 'a', subject: 'x', body: '' }, 'body'],
      ] as const) {
        const res = await receive(id, body);
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field })]),
        );
      }
    });
  });

  describe('GET /cases/:id/messages', () => {
    it('lists both directions oldest first, keyset-paginated', async () => {
      const { id } = await newCase();
      t.clock.advanceMinutes(1);
      await send(id, { subject: 'One', body: 'out' }).expect(201);
      t.clock.advanceMinutes(1);
      await receive(id, { from: 'carol', subject: 'Two', body: 'in' }).expect(201);
      t.clock.advanceMinutes(1);
      await send(id, { subject: 'Three', body: 'out' }).expect(201);

      const reader = bearer({ tenant, user: 'rita', permissions: [CASE_COMMENT_VIEW, CASE_VIEW] });
      const first = await t.http.get(`/api/v1/cases/${id}/messages?limit=2`).set(reader);
      expect(first.status).toBe(200);
      expect(
        first.body.data.map((m: { subject: string; direction: string }) => m.direction),
      ).toEqual(['OUT', 'IN']);
      const second = await t.http
        .get(`/api/v1/cases/${id}/messages?limit=2&cursor=${first.body.page.nextCursor}`)
        .set(reader);
      expect(second.body).toEqual({
        data: [expect.objectContaining({ subject: 'Three', caseId: id })],
        page: { limit: 2, nextCursor: null },
      });
    });

    it('is 404 for a case the caller cannot see', async () => {
      const { id } = await newCase();
      const reader = bearer({ tenant, user: 'rita', permissions: [CASE_COMMENT_VIEW] });
      expect((await t.http.get(`/api/v1/cases/${id}/messages`).set(reader)).status).toBe(404);
    });
  });

  it('tenant isolation: another tenant’s case is 404 on every message route', async () => {
    const { id } = await newCase();
    const stranger = bearer({ tenant: newTenant() });
    for (const res of [
      await send(id, { subject: 'x', body: 'x' }, stranger),
      await receive(id, { from: 'x', subject: 'x', body: 'x' }, stranger),
      await t.http.get(`/api/v1/cases/${id}/messages`).set(stranger),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CASE4045');
    }
    expect(await messageRows(id)).toEqual([]);
  });

  it('each route has its permission matrix', async () => {
    const { id } = await newCase();
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: `/api/v1/cases/${id}/messages`,
      body: { subject: 'matrix', body: 'matrix' },
      permissions: [CASE_COMMENT],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: `/api/v1/cases/${id}/messages/inbound`,
      body: { from: 'carol', subject: 'matrix', body: 'matrix' },
      permissions: [CASE_INITIATOR_COMMENT],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: `/api/v1/cases/${id}/messages`,
      permissions: [CASE_COMMENT_VIEW],
    });
  });
});
