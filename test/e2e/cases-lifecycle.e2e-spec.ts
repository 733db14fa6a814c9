import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { caseTrail } from '../support/case-trail';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Case lifecycle actions (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({
      milestones: [{ name: 'Resolved', percent: 90, onState: CaseState.RESOLVED }],
    });
  });
  afterAll(() => t.close());

  const act = (id: string, action: string, body: object = {}, headers = admin) =>
    t.http.post(`/api/v1/cases/${id}/${action}`).set(headers).send(body);
  const newCase = (body: Record<string, unknown> = {}) =>
    createCase(t, tenant, { caseTypeId: type.id, ...body });

  it('walks a case through its life with the seed codes and messages', async () => {
    const { id } = await newCase();
    const steps: [string, object, string, string, CaseState, string][] = [
      [
        'open',
        {},
        'CASE0612',
        'Case was set to state Open successfully.',
        CaseState.OPENED,
        'Opened',
      ],
      [
        'request-input',
        {},
        'CASE0617',
        'Case was set to state Request User Input successfully.',
        CaseState.REQUEST_INPUT,
        'Request Input',
      ],
      [
        'process',
        {},
        'CASE0615',
        'Case was set to state In Process successfully.',
        CaseState.IN_PROCESS,
        'In Process',
      ],
      [
        'hold',
        { reason: 'Waiting for parts' },
        'CASE0627',
        'Case was set to state Placed On Hold successfully.',
        CaseState.ON_HOLD,
        'On Hold',
      ],
      [
        'process',
        {},
        'CASE0615',
        'Case was set to state In Process successfully.',
        CaseState.IN_PROCESS,
        'In Process',
      ],
      [
        'resolve',
        { resolution: 'Replaced the fuser' },
        'CASE0619',
        'The Case was set to state Resolved successfully.',
        CaseState.RESOLVED,
        'Resolved',
      ],
      [
        'reopen',
        {},
        'CASE0631',
        'The Case was to state Reopened successfully.',
        CaseState.REOPENED,
        'Reopened',
      ],
      [
        'resolve',
        { resolution: 'Replaced the whole printer' },
        'CASE0619',
        'The Case was set to state Resolved successfully.',
        CaseState.RESOLVED,
        'Resolved',
      ],
      [
        'complete',
        {},
        'CASE0621',
        'The Case was set to state Completed successfully.',
        CaseState.COMPLETED,
        'Completed',
      ],
    ];
    let version = 1;
    for (const [action, body, code, message, state, stateLabel] of steps) {
      const res = await act(id, action, body);
      expect({
        action,
        status: res.status,
        code: res.body.code,
        message: res.body.message,
      }).toEqual({
        action,
        status: 200,
        code,
        message,
      });
      version += 1;
      expect(res.body.data).toMatchObject({ id, state, stateLabel, version });
    }
    const done = (await t.http.get(`/api/v1/cases/${id}`).set(admin)).body.data;
    expect(done).toMatchObject({
      resolution: 'Replaced the whole printer',
      resolvedBy: 'alice',
      resolutionDate: TEST_START.toISOString(),
      completedPercent: 90,
      milestones: [expect.objectContaining({ name: 'Resolved', onState: 'RESOLVED' })],
    });
    const trail = await caseTrail(t.dataSource, tenant, id);
    expect(trail.activities.map((a) => a.type)).toEqual([
      'case.created',
      'case.opened',
      'case.input-requested',
      'case.processing-started',
      'case.put-on-hold',
      'case.processing-started',
      'case.resolved',
      'case.milestone-reached',
      'case.reopened',
      'case.resolved',
      'case.completed',
    ]);
    expect(trail.activities[4].data).toMatchObject({ reason: 'Waiting for parts' });
    expect(trail.activities[8].data.changes).toMatchObject({
      resolution: { old: 'Replaced the fuser', new: null },
    });
  });

  it('reopen clears the resolution fields', async () => {
    const { id } = await newCase();
    await moveTo(t, tenant, id, CaseState.RESOLVED);
    const res = await act(id, 'reopen').expect(200);
    expect(res.body.data).toMatchObject({
      resolution: null,
      resolvedBy: null,
      resolutionDate: null,
    });
  });

  it('cancels with a reason and stores the comment of any action', async () => {
    const { id } = await newCase();
    const res = await act(id, 'cancel', { reason: 'Duplicate', comment: 'Same as the other one' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: 'CASE0629',
      message: 'The case was to state Canceled successfully.',
      data: {
        state: 'CANCELED',
        comments: [
          expect.objectContaining({
            kind: 'COMMENT',
            text: 'Same as the other one',
            authorId: 'alice',
          }),
        ],
      },
    });
    const trail = await caseTrail(t.dataSource, tenant, id);
    expect(trail.activities[1].data).toMatchObject({
      reason: 'Duplicate',
      commentId: res.body.data.comments[0].id,
    });
  });

  it('resolve requires a resolution (400, nothing changes)', async () => {
    const { id } = await newCase();
    await moveTo(t, tenant, id, CaseState.OPENED);
    for (const body of [{}, { resolution: '   ' }]) {
      const res = await act(id, 'resolve', body);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'resolution' })]),
      );
    }
    expect((await caseTrail(t.dataSource, tenant, id)).row).toMatchObject({
      state: 'OPENED',
      version: 2,
    });
  });

  it.each([
    ['open', CaseState.IN_PROCESS, {}],
    ['process', CaseState.NEW, {}],
    ['request-input', CaseState.ON_HOLD, {}],
    ['hold', CaseState.RESOLVED, {}],
    ['resolve', CaseState.NEW, { resolution: 'x' }],
    ['complete', CaseState.OPENED, {}],
    ['cancel', CaseState.COMPLETED, {}],
    ['reopen', CaseState.CANCELED, {}],
    ['claim', CaseState.CANCELED, {}],
    ['unclaim', CaseState.COMPLETED, {}],
  ])(
    '%s from %s is 409 CASE4091 naming the state, and changes nothing',
    async (action, state, body) => {
      const { id } = await newCase();
      await moveTo(t, tenant, id, state);
      const before = await caseTrail(t.dataSource, tenant, id);
      const res = await act(id, action, { ...body, comment: 'should not be stored' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        code: 'CASE4091',
        details: [expect.objectContaining({ field: 'state', currentState: state })],
      });
      expect(res.body.message).toContain(state);
      expect(await caseTrail(t.dataSource, tenant, id)).toEqual(before);
    },
  );

  it('honours If-Match on actions: stale is 409 CASE4092 and changes nothing', async () => {
    const { id } = await newCase();
    const stale = await act(id, 'open').set('If-Match', '2');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CASE4092');
    expect((await caseTrail(t.dataSource, tenant, id)).row).toMatchObject({
      state: 'NEW',
      version: 1,
    });
    await act(id, 'open').set('If-Match', '1').expect(200);
  });

  it('rejects unknown body fields and blank comments with 400', async () => {
    const { id } = await newCase();
    const res = await act(id, 'open', { comment: '  ', reason: 'not for open' });
    expect(res.status).toBe(400);
    expect((res.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'comment',
      'reason',
    ]);
  });

  it('enforces the permission matrix of every action', async () => {
    const { id } = await newCase();
    const routes: [string, Permission[], object?][] = [
      ['open', [Permission.CASE_OPEN]],
      ['process', [Permission.CASE_PROCESS]],
      ['request-input', [Permission.CASE_INPUT]],
      ['hold', [Permission.CASE_HOLD]],
      ['resolve', [Permission.CASE_RESOLVE], { resolution: 'x' }],
      ['complete', [Permission.CASE_COMPLETE]],
      ['reopen', [Permission.CASE_REOPEN]],
      ['claim', [Permission.CASE_PROCESS, Permission.CASE_EDIT]],
      ['unclaim', [Permission.CASE_PROCESS, Permission.CASE_EDIT]],
      ['cancel', [Permission.CASE_CANCEL]],
    ];
    for (const [action, permissions, body] of routes) {
      await expectPermissionMatrix(t, tenant, {
        method: 'post',
        path: `/api/v1/cases/${id}/${action}`,
        body: body ?? {},
        permissions,
      });
    }
  });
});
