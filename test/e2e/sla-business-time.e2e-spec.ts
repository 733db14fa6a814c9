import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/shared/auth/permission.enum';
import { OutboxEvent } from '../../src/shared/outbox/outbox-event';
import { VIEW_PERMISSIONS } from '../../src/modules/cases';
import { SlaRecomputeSubscriber } from '../../src/modules/sla/subscribers/sla-recompute.subscriber';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const office = [{ start: '09:00', end: '17:00' }];
/** TEST_START is Monday 2026-01-05 09:00Z, 10:00 in Berlin: seven office hours left that day. */
const berlinOffice = {
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  workingHours: { mon: office, tue: office, wed: office, thu: office, fri: office },
};
const at = (iso: string) => new Date(iso).toISOString();
const notify = { type: 'notify', users: ['lead'] };

describe('SLAs on business time (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  let calendarId: string;
  let caseTypeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TEST_START);
    const cal = await t.http.post('/api/v1/calendars').set(admin).send(berlinOffice).expect(201);
    calendarId = cal.body.data.id;
    caseTypeId = await createCaseType(t, admin, {
      calendarId,
      dueDate: { dueInHours: 8, warnBeforeHours: 1 },
      slas: [
        {
          name: 'Resolution',
          warnAfterMinutes: 240,
          targetMinutes: 480,
          escalations: [{ atPercent: 50, actions: [notify] }],
        },
        {
          name: 'First response',
          metric: 'firstResponse',
          warnAfterMinutes: 30,
          breachAfterMinutes: 60,
        },
      ],
    });
  });
  afterAll(() => t.close());

  /** Resolution first, then first response (same start: listed by name). */
  const slas = async (id: string, headers = admin) =>
    (
      (await t.http.get(`/api/v1/cases/${id}/slas`).set(headers).expect(200)).body.data as {
        name: string;
      }[]
    ).sort((a, b) => b.name.localeCompare(a.name)) as Record<string, unknown>[];
  const caseType = async () =>
    (await t.http.get(`/api/v1/case-types/${caseTypeId}`).set(admin).expect(200)).body.data;

  it('shows the calendar, metric, target alias and ladder on the case type', async () => {
    const type = await caseType();
    expect(type.calendarId).toBe(calendarId);
    expect(type.slas).toMatchObject([
      {
        name: 'Resolution',
        metric: 'resolution',
        calendarId: null,
        breachAfterMinutes: 480,
        targetMinutes: 480,
        escalations: [
          { atPercent: 50, actions: [{ type: 'notify', users: ['lead'], groups: [] }] },
        ],
      },
      { name: 'First response', metric: 'firstResponse', targetMinutes: 60, escalations: [] },
    ]);
  });

  it('refuses an unknown calendar and a broken ladder, naming the fields', async () => {
    const res = await t.http
      .post('/api/v1/case-types')
      .set(admin)
      .send({
        name: 'Bad',
        code: `B${randomUUID().slice(0, 8)}`,
        processId: (await caseType()).processId,
        calendarId: randomUUID(),
        slas: [
          {
            name: 'S',
            warnAfterMinutes: 1,
            breachAfterMinutes: 2,
            targetMinutes: 3,
            escalations: [
              { atPercent: 50, actions: [notify] },
              { atPercent: 50, actions: [notify] },
            ],
          },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'slas.0.escalations.1.atPercent',
      'slas.0.targetMinutes',
    ]);
    const calendar = await t.http
      .patch(`/api/v1/case-types/${caseTypeId}`)
      .set(admin)
      .send({ calendarId: randomUUID() });
    expect(calendar.status).toBe(400);
    expect(calendar.body.details.map((d: { field: string }) => d.field)).toEqual(['calendarId']);
  });

  it('counts deadlines, due date and readings in business minutes on the calendar', async () => {
    t.clock.set(TEST_START);
    const created = await createCase(t, tenant, { caseTypeId, initiatorId: 'carol' });
    const view = (await t.http.get(`/api/v1/cases/${created.id}`).set(admin)).body.data;
    expect(view.dueDate).toBe(at('2026-01-06T09:00:00Z')); // 7 h Monday, 1 h Tuesday

    t.clock.set(new Date('2026-01-05T15:00:00Z')); // 16:00 in Berlin: 6 business hours in
    const [resolution, firstResponse] = await slas(created.id);
    expect(resolution).toEqual({
      id: expect.any(String),
      name: 'Resolution',
      metric: 'resolution',
      calendarId,
      startedAt: TEST_START.toISOString(),
      targetMinutes: 480,
      warnAt: at('2026-01-05T13:00:00Z'),
      dueAt: at('2026-01-06T09:00:00Z'),
      status: 'running',
      elapsedMinutes: 360,
      remainingMinutes: 120,
      pausedMinutes: 0,
      warnedAt: null,
      violatedAt: null,
      metAt: null,
      escalations: [{ atPercent: 50, firedAt: null }],
    });
    expect(firstResponse).toMatchObject({
      metric: 'firstResponse',
      dueAt: at('2026-01-05T10:00:00Z'),
    });

    // The initiator's comment is no response; an outbound message is.
    const initiator = bearer({ tenant, user: 'carol' });
    await t.http
      .post(`/api/v1/cases/${created.id}/comments`)
      .set(initiator)
      .send({ text: 'Hello?' });
    expect((await slas(created.id))[1].status).toBe('running');
    // Nor is an agent's internal note: the initiator cannot read it.
    const note = await t.http
      .post(`/api/v1/cases/${created.id}/comments`)
      .set(admin)
      .send({ text: 'Checking the logs first.', visibility: 'internal' });
    expect(note.status).toBe(201);
    expect((await slas(created.id))[1].status).toBe('running');
    await t.http
      .post(`/api/v1/cases/${created.id}/messages`)
      .set(admin)
      .send({ subject: 'On it', body: 'We are looking into it.' })
      .expect(201);
    expect((await slas(created.id))[1]).toMatchObject({
      status: 'met',
      metAt: at('2026-01-05T15:00:00Z'),
      elapsedMinutes: 360,
    });

    const summary = await t.dataSource.query(`SELECT sla_due_at FROM cases WHERE id = $1`, [
      created.id,
    ]);
    expect(summary[0].sla_due_at.toISOString()).toBe(at('2026-01-06T09:00:00Z'));
  });

  it('previews an SLA change without changing anything, then recomputes open cases after it', async () => {
    t.clock.set(TEST_START);
    const created = await createCase(t, tenant, { caseTypeId, initiatorId: 'carol' });
    t.clock.set(new Date('2026-01-05T15:00:00Z'));
    const before = await slas(created.id);
    const [resolution, firstResponse] = (await caseType()).slas;
    const shorter = { ...resolution, breachAfterMinutes: 300, targetMinutes: 300 };
    const proposal = { slas: [shorter, firstResponse] };
    const preview = await t.http
      .post(`/api/v1/case-types/${caseTypeId}/sla-preview`)
      .set(admin)
      .send(proposal);
    expect(preview.status).toBe(200);
    expect(preview.body.code).toBe('CASE1500');
    // This case and the one of the test before (its resolution clock still runs).
    expect(preview.body.data).toMatchObject({
      wouldBeBreached: 2,
      wouldMoveEarlier: 2,
      wouldMoveLater: 0,
      withoutDefinition: 0,
    });
    expect(await slas(created.id)).toEqual(before);
    expect((await caseType()).slas[0].targetMinutes).toBe(480);

    await t.http.patch(`/api/v1/case-types/${caseTypeId}`).set(admin).send(proposal).expect(200);
    const event = new OutboxEvent(
      randomUUID(),
      'case-type.updated',
      tenant,
      caseTypeId,
      2,
      new Date(),
      {},
    );
    await t.app.get(SlaRecomputeSubscriber).handle(event);
    const [after] = await slas(created.id);
    expect(after).toMatchObject({ targetMinutes: 300, dueAt: at('2026-01-05T14:00:00Z') });
    expect(after.warnAt).toBe(before[0].warnAt);
  });

  it('keeps other tenants out and checks permissions', async () => {
    const created = await createCase(t, tenant, { caseTypeId });
    const intruder = bearer({ tenant: newTenant() });
    const slaList = await t.http.get(`/api/v1/cases/${created.id}/slas`).set(intruder);
    expect([slaList.status, slaList.body.code]).toEqual([404, 'CASE4045']);
    const preview = await t.http
      .post(`/api/v1/case-types/${caseTypeId}/sla-preview`)
      .set(intruder)
      .send({ slas: [] });
    expect(preview.status).toBe(404);
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: `/api/v1/cases/${created.id}/slas`,
      permissions: [...VIEW_PERMISSIONS],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: `/api/v1/case-types/${caseTypeId}/sla-preview`,
      body: { slas: [] },
      permissions: [Permission.CASE_DEF_EDIT],
    });
  });
});
