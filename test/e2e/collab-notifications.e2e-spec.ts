import { Permission } from '../../src/shared/auth/permission.enum';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { caseTrail } from '../support/case-trail';
import { deliverNotifications } from '../support/deliver-notifications';
import { refuseInserts } from '../support/refuse-inserts';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

interface Row {
  recipient: string;
  template: string;
  status: string;
  payload: Record<string, unknown>;
}

describe('Collaboration: notifications of watchers and assignees (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const admin = bearer({ tenant, user: 'alice' });
  const uma = bearer({
    tenant,
    user: 'uma',
    permissions: [Permission.CASE_COMMENT, Permission.CASE_VIEW, Permission.CASE_PROCESS],
  });
  let lift: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
    // A real database failure after the case and its events were written: the message row of
    // this tenant cannot be inserted, so the whole command rolls back.
    lift = await refuseInserts(t.dataSource, 'case_messages', tenant, 'message write refused');
  });
  afterAll(async () => {
    await lift();
    await t.close();
  });

  const followedCase = () =>
    createCase(t, tenant, {
      caseTypeId: type.id,
      watchers: ['wendy'],
      assignedToUsers: ['uma'],
      assignedToGroups: ['desk'],
    });
  const rows = (caseId: string): Promise<Row[]> =>
    t.dataSource.query(
      `SELECT recipient_kind || ':' || recipient_id AS recipient, template, status, payload
         FROM notifications WHERE client_id = $1 AND case_id = $2
        ORDER BY created_at, template, recipient_kind, recipient_id`,
      [tenant, caseId],
    );

  it('records a state change for watchers and assignees, never the actor, then delivers it', async () => {
    const { id, displayId } = await followedCase();
    await deliverNotifications(t, tenant);
    expect(await rows(id)).toEqual([]);
    t.clock.advanceMinutes(1);
    await t.http
      .post(`/api/v1/cases/${id}/open`)
      .set(admin)
      .send({ comment: 'Looking into it' })
      .expect(200);
    // Nothing before the relay delivers the committed event.
    expect(await rows(id)).toEqual([]);
    await deliverNotifications(t, tenant);

    const recorded = await rows(id);
    expect(recorded.map((r) => [r.template, r.recipient])).toEqual([
      ['case.state-changed', 'group:desk'],
      ['case.state-changed', 'user:uma'],
      ['case.state-changed', 'user:wendy'],
    ]);
    expect(recorded[0].payload).toEqual({
      displayId,
      details: 'Printer on fire',
      fromState: 'NEW',
      toState: 'OPENED',
      actorId: 'alice',
      comment: 'Looking into it',
    });
    expect(recorded.map((r) => r.status)).toEqual(['SENT', 'SENT', 'SENT']);
  });

  it('records a comment for the other followers, not for its author', async () => {
    const { id } = await followedCase();
    t.clock.advanceMinutes(1);
    await t.http
      .post(`/api/v1/cases/${id}/comments`)
      .set(uma)
      .send({ text: 'On my way' })
      .expect(201);
    await deliverNotifications(t, tenant);
    const recorded = await rows(id);
    expect(recorded.map((r) => [r.template, r.recipient])).toEqual([
      ['case.commented', 'group:desk'],
      ['case.commented', 'user:wendy'],
    ]);
    expect(recorded[0].payload).toMatchObject({ authorId: 'uma', comment: 'On my way' });
  });

  it('records nothing for changes that are neither state changes, comments nor messages', async () => {
    const { id } = await followedCase();
    await t.http
      .post(`/api/v1/cases/${id}/tags`)
      .set(admin)
      .send({ tags: ['x'] })
      .expect(200);
    await t.http.post(`/api/v1/cases/${id}/watchers`).set(admin).send({}).expect(200);
    await deliverNotifications(t, tenant);
    expect(await rows(id)).toEqual([]);
  });

  it('records each event once for each recipient, however often it is delivered', async () => {
    const { id } = await followedCase();
    await t.http.post(`/api/v1/cases/${id}/open`).set(admin).send({}).expect(200);
    await deliverNotifications(t, tenant);
    const first = await rows(id);
    expect(first).toHaveLength(3);
    // A relay that crashed before its ack delivers the same outbox rows again.
    await deliverNotifications(t, tenant);
    expect(await rows(id)).toEqual(first);
  });

  it('records nothing when the command rolls back after its events were written', async () => {
    const { id } = await followedCase();
    const before = await caseTrail(t.dataSource, tenant, id);
    const res = await t.http
      .post(`/api/v1/cases/${id}/messages`)
      .set(uma)
      .send({ subject: 'Photo', body: 'Please send one' });
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('CASE5000');
    await deliverNotifications(t, tenant);
    expect(await rows(id)).toEqual([]);
    const after = await caseTrail(t.dataSource, tenant, id);
    expect(after.row?.version).toBe(before.row?.version);
    expect(after.activities).toEqual(before.activities);
    expect(after.outbox).toEqual(before.outbox);
  });
});
