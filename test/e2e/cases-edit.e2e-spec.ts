import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { caseTrail } from '../support/case-trail';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('PATCH /api/v1/cases/:id (e2e)', () => {
  let t: TestApp;
  let defs: DefinitionsBuilder;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
    defs = new DefinitionsBuilder(t.dataSource, tenant);
    type = await defs.caseType({ dueInHours: 24, warnBeforeHours: 2 });
  });
  afterAll(() => t.close());

  const patch = (ref: string, body: object, headers: Record<string, string> = admin) =>
    t.http.patch(`/api/v1/cases/${ref}`).set(headers).send(body);

  it('answers 200 CASE0602 with the case, bumps the version and logs old and new values', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id, location: 'HQ' });
    const priority = await defs.priority({ level: 3, name: 'Low' });
    const res = await patch(created.displayId, {
      details: 'Printer smoking',
      location: null,
      priorityId: priority.id,
      assignedToUsers: ['bob', 'bob'],
      completedPercent: 20,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: 'CASE0602',
      message: 'Case Instance updated Successfully.',
      data: {
        id: created.id,
        details: 'Printer smoking',
        location: null,
        priorityId: priority.id,
        priority: { level: 3, name: 'Low' },
        assignedToUsers: ['bob'],
        completedPercent: 20,
        version: 2,
      },
    });
    const trail = await caseTrail(t.dataSource, tenant, created.id);
    expect(trail.row?.priority_level).toBe(3);
    const updated = trail.activities[trail.activities.length - 1];
    expect(updated).toMatchObject({ type: 'case.updated', actor_id: 'alice', on_behalf_of: null });
    expect(updated.data.changes).toEqual({
      details: { old: 'Printer on fire', new: 'Printer smoking' },
      location: { old: 'HQ', new: null },
      priorityId: { old: null, new: priority.id },
      priorityLevel: { old: null, new: 3 },
      assignedToUsers: { old: [], new: ['bob'] },
      completedPercent: { old: 0, new: 20 },
    });
    expect(trail.outbox).toContain('case.updated');
  });

  it('moves the warning with a new due date, and clears both with null', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id });
    const moved = await patch(created.id, { dueDate: '2026-03-01T10:00:00.000Z' }).expect(200);
    expect(moved.body.data).toMatchObject({
      dueDate: '2026-03-01T10:00:00.000Z',
      dueDateWarning: '2026-03-01T08:00:00.000Z',
    });
    const cleared = await patch(created.id, { dueDate: null, description: null }).expect(200);
    expect(cleared.body.data).toMatchObject({ dueDate: null, dueDateWarning: null, version: 3 });
  });

  it('changes nothing for a no-op edit (same values): no version bump, no activity', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id });
    const res = await patch(created.id, { details: 'Printer on fire' }).expect(200);
    expect(res.body.data.version).toBe(1);
    expect((await caseTrail(t.dataSource, tenant, created.id)).activities).toHaveLength(1);
  });

  it('needs CASE_INSTANCE_PROXY_SAVE for onBehalfOf, and logs both people', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id });
    const editor = bearer({
      tenant,
      user: 'ed',
      permissions: [Permission.CASE_EDIT, Permission.CASE_VIEW],
    });
    const refused = await patch(created.id, { details: 'x', onBehalfOf: 'bob' }, editor);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('CASE4032');
    const proxy = bearer({
      tenant,
      user: 'ed',
      permissions: [
        Permission.CASE_EDIT,
        Permission.CASE_VIEW,
        Permission.CASE_INSTANCE_PROXY_SAVE,
      ],
    });
    await patch(created.id, { details: 'For Bob', onBehalfOf: 'bob' }, proxy).expect(200);
    const trail = await caseTrail(t.dataSource, tenant, created.id);
    expect(trail.row).toMatchObject({ details: 'For Bob', updated_by: 'ed', version: 2 });
    expect(trail.activities[1]).toMatchObject({ actor_id: 'ed', on_behalf_of: 'bob' });
  });

  it('honours If-Match and a body version: stale is 409 CASE4092 and changes nothing', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id });
    await patch(created.id, { details: 'v2' }).set('If-Match', '1').expect(200);
    const stale = await patch(created.id, { details: 'v3' }).set('If-Match', '"1"');
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'CASE4092',
      details: [expect.objectContaining({ field: 'version', currentVersion: 2 })],
    });
    const staleBody = await patch(created.id, { details: 'v3', version: 1 });
    expect(staleBody.status).toBe(409);
    expect(staleBody.body.code).toBe('CASE4092');
    await patch(created.id, { details: 'v3', version: 2 }).expect(200);
    const bad = await patch(created.id, { details: 'v4' }).set('If-Match', 'yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    const trail = await caseTrail(t.dataSource, tenant, created.id);
    expect(trail.row).toMatchObject({ details: 'v3', version: 3 });
    expect(trail.activities).toHaveLength(3);
  });

  it('rejects invalid fields with 400 and a detail per field', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id });
    const res = await patch(created.id, {
      details: null,
      completedPercent: 101,
      dueDate: 'soon',
      assignedToGroups: null,
      priorityId: 'x',
      version: 0,
      state: 'RESOLVED',
    });
    expect(res.status).toBe(400);
    const fields = new Set((res.body.details as { field: string }[]).map((d) => d.field));
    expect([...fields].sort()).toEqual(
      [
        'assignedToGroups',
        'completedPercent',
        'details',
        'dueDate',
        'priorityId',
        'state',
        'version',
      ].sort(),
    );
    const priority = await patch(created.id, {
      priorityId: '00000000-0000-4000-8000-000000000000',
    });
    expect(priority.status).toBe(400);
    expect(priority.body.details).toEqual([expect.objectContaining({ field: 'priorityId' })]);
    expect((await caseTrail(t.dataSource, tenant, created.id)).row?.version).toBe(1);
  });

  it('refuses to edit a completed or canceled case with 409 CASE4091 naming the state', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id });
    await moveTo(t, tenant, created.id, CaseState.COMPLETED);
    const res = await patch(created.id, { details: 'late' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'CASE4091',
      details: [expect.objectContaining({ field: 'state', currentState: 'COMPLETED' })],
    });
    expect(res.body.message).toContain('COMPLETED');
  });

  it('does not let an editor act on a case their view permissions do not show (404)', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id, assignedToUsers: ['zed'] });
    for (const permissions of [
      [Permission.CASE_EDIT],
      [Permission.CASE_EDIT, Permission.CASE_VIEW_UNASSIGNED],
    ]) {
      const res = await patch(
        created.id,
        { details: 'x' },
        bearer({ tenant, user: 'ed', permissions }),
      );
      expect(res.status).toBe(404);
    }
    const assignee = bearer({
      tenant,
      user: 'zed',
      permissions: [Permission.CASE_EDIT, Permission.CASE_VIEW_ASSIGNED],
    });
    await patch(created.id, { details: 'by the assignee' }, assignee).expect(200);
  });

  describe('ETag and If-Match', () => {
    it('answers ETag: "<version>" on the case and on every write answering the case', async () => {
      const created = await t.http
        .post('/api/v1/cases')
        .set(admin)
        .send({ caseTypeId: type.id, details: 'x' })
        .expect(201);
      const id = created.body.data.id as string;
      const got = await t.http.get(`/api/v1/cases/${id}`).set(admin).expect(200);
      const edited = await patch(id, { details: 'y' }).expect(200);
      const opened = await t.http.post(`/api/v1/cases/${id}/open`).set(admin).send({}).expect(200);
      const tagged = await t.http
        .post(`/api/v1/cases/${id}/tags`)
        .set(admin)
        .send({ tags: ['a'] })
        .expect(200);
      const watched = await t.http.post(`/api/v1/cases/${id}/watchers`).set(admin).send({});
      const milestone = await t.http
        .post(`/api/v1/cases/${id}/milestones`)
        .set(admin)
        .send({ name: 'Half', percent: 50 });
      const claimed = await t.http.post(`/api/v1/cases/${id}/claim`).set(admin).send({});
      for (const res of [created, got, edited, opened, tagged, watched, milestone, claimed]) {
        expect([res.status, res.headers.etag]).toEqual([
          res.status < 300 ? res.status : 'a 2xx',
          `"${res.body.data.version}"`,
        ]);
      }
      expect(got.headers.etag).toBe('"1"');
      expect(claimed.headers.etag).toBe(`"${claimed.body.data.version}"`);
    });

    it('takes back exactly the ETag it sent, the bare version, a weak tag or *; stale is 409', async () => {
      const { id } = await createCase(t, tenant, { caseTypeId: type.id });
      const sent = (await t.http.get(`/api/v1/cases/${id}`).set(admin)).headers.etag;
      const first = await patch(id, { details: 'a' }, { ...admin, 'If-Match': sent });
      expect(first.status).toBe(200);
      const stale = await patch(id, { details: 'b' }, { ...admin, 'If-Match': sent });
      expect([stale.status, stale.body.code]).toEqual([409, 'CASE4092']);
      const next = first.headers.etag;
      expect((await patch(id, { details: 'c' }, { ...admin, 'If-Match': next })).status).toBe(200);
      expect((await patch(id, { details: 'd' }, { ...admin, 'If-Match': '3' })).status).toBe(200);
      expect((await patch(id, { details: 'e' }, { ...admin, 'If-Match': 'W/"4"' })).status).toBe(
        200,
      );
      expect((await patch(id, { details: 'f' }, { ...admin, 'If-Match': '*' })).status).toBe(200);
      const garbage = await patch(id, { details: 'g' }, { ...admin, 'If-Match': 'W/"abc"' });
      expect([garbage.status, garbage.body.code]).toEqual([400, 'CASE4000']);
    });

    it('sends no automatic ETag on other routes', async () => {
      const { id } = await createCase(t, tenant, { caseTypeId: type.id });
      const lists = [
        '/api/v1/cases',
        `/api/v1/cases/${id}/activities`,
        '/api/v1/priorities',
        '/api/v1/case-statuses',
      ];
      for (const path of lists) {
        const res = await t.http.get(path).set(admin).expect(200);
        expect({ path, etag: res.headers.etag }).toEqual({ path, etag: undefined });
      }
      const comment = await t.http
        .post(`/api/v1/cases/${id}/comments`)
        .set(admin)
        .send({ text: 'x' })
        .expect(201);
      expect(comment.headers.etag).toBeUndefined();
    });

    it('declares the ETag response header and the If-Match request header in OpenAPI', async () => {
      const doc = (await t.http.get('/docs-json').expect(200)).body;
      const op = (path: string, method: string) => doc.paths[path][method];
      const declared = [
        ['/api/v1/cases', 'post', '201'],
        ['/api/v1/cases/{id}', 'get', '200'],
        ['/api/v1/cases/{id}', 'patch', '200'],
        ['/api/v1/cases/{id}/transfer', 'post', '201'],
        ['/api/v1/cases/{id}/open', 'post', '200'],
        ['/api/v1/cases/{id}/claim', 'post', '200'],
        ['/api/v1/cases/{id}/tags', 'post', '200'],
        ['/api/v1/cases/{id}/watchers', 'post', '200'],
        ['/api/v1/cases/{id}/milestones', 'post', '200'],
      ];
      for (const [path, method, status] of declared) {
        expect({
          path,
          method,
          etag: Boolean(op(path, method).responses[status].headers?.ETag),
        }).toEqual({ path, method, etag: true });
      }
      for (const [path, method] of declared.filter(
        ([p, m]) => p !== '/api/v1/cases' && m !== 'get',
      )) {
        const names = op(path, method).parameters.map(
          (p: { name: string; in: string }) => `${p.in}:${p.name}`,
        );
        expect({ path, names }).toEqual({
          path,
          names: expect.arrayContaining(['header:If-Match']),
        });
      }
    });
  });

  it('enforces the permission matrix', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id });
    await expectPermissionMatrix(t, tenant, {
      method: 'patch',
      path: `/api/v1/cases/${created.id}`,
      body: { description: 'matrix' },
      permissions: [Permission.CASE_EDIT],
    });
  });
});
