import { Permission } from '../../src/shared/auth/permission.enum';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const { CASE_VIEW, CASE_VIEW_ASSIGNED, CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED } = Permission;

describe('Reading cases: GET /cases/:id (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
  });
  afterAll(() => t.close());

  const get = (ref: string, headers: Record<string, string> = admin) =>
    t.http.get(`/api/v1/cases/${ref}`).set(headers);

  it('answers { data } by GUID and by displayId alike', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id });
    const byId = await get(created.id).expect(200);
    const byDisplayId = await get(created.displayId).expect(200);
    expect(Object.keys(byId.body)).toEqual(['data']);
    expect(byId.body.data).toMatchObject({ id: created.id, displayId: created.displayId });
    expect(byDisplayId.body).toEqual(byId.body);
    expect((await get(created.id.toUpperCase())).body.data.id).toBe(created.id);
  });

  it('answers 400 CASE4003 for an id that is neither a GUID nor a displayId, 404 for an unknown one', async () => {
    const bad = await get('not-a-case');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'CASE4003', details: [{ field: 'id' }] });
    expect((await get('00000000-0000-4000-8000-000000000000')).body.code).toBe('CASE4045');
    expect((await get(`CM${tenant}-99999`)).status).toBe(404);
  });

  it('answers If-None-Match naming the current version with 304 and no body, else 200', async () => {
    const { id } = await createCase(t, tenant, { caseTypeId: type.id });
    const current = await get(id, { ...admin, 'If-None-Match': '"1"' });
    expect([current.status, current.headers.etag, current.text]).toEqual([304, '"1"', '']);
    await t.http.patch(`/api/v1/cases/${id}`).set(admin).send({ details: 'changed' }).expect(200);
    const stale = await get(id, { ...admin, 'If-None-Match': '"1"' });
    expect([stale.status, stale.headers.etag, stale.body.data.version]).toEqual([200, '"2"', 2]);
  });

  describe('visibility', () => {
    const cases: Record<string, string> = {};

    beforeAll(async () => {
      const proxy = bearer({ tenant, permissions: [Permission.CASE_ALL] });
      const make = async (name: string, body: Record<string, unknown>) => {
        cases[name] = (await createCase(t, tenant, { caseTypeId: type.id, ...body }, proxy)).id;
      };
      await make('assigned to bob', { assignedToUsers: ['bob'] });
      await make("assigned to bob's group", { assignedToGroups: ['g1'] });
      await make('initiated by bob', { initiatorId: 'bob', assignedToUsers: ['zed'] });
      await make('unassigned', {});
      await make('none of these', { assignedToUsers: ['zed'], assignedToGroups: ['g9'] });
    });

    it.each([
      [
        [CASE_VIEW],
        [
          'assigned to bob',
          "assigned to bob's group",
          'initiated by bob',
          'unassigned',
          'none of these',
        ],
      ],
      [[CASE_VIEW_ASSIGNED], ['assigned to bob', "assigned to bob's group"]],
      [[CASE_VIEW_MINE], ['initiated by bob']],
      [[CASE_VIEW_UNASSIGNED], ['unassigned']],
      [
        [CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED],
        ['initiated by bob', 'unassigned'],
      ],
    ])('%j shows bob exactly %j; the rest is 404', async (permissions, visible) => {
      const bob = bearer({ tenant, user: 'bob', groups: ['g1'], permissions });
      const outcome: Record<string, number> = {};
      for (const [name, id] of Object.entries(cases)) outcome[name] = (await get(id, bob)).status;
      const expected = Object.fromEntries(
        Object.keys(cases).map((name) => [name, visible.includes(name) ? 200 : 404]),
      );
      expect(outcome).toEqual(expected);
    });

    it('answers 403 only when the caller has no view permission at all', async () => {
      const res = await get(
        cases.unassigned,
        bearer({ tenant, permissions: [Permission.CASE_EDIT] }),
      );
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CASE4030');
    });
  });

  it('includes the comments for holders of CASE_COMMENT_VIEW only', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id });
    await t.http
      .post(`/api/v1/cases/${created.id}/open`)
      .set(admin)
      .send({ comment: 'Looking into it' })
      .expect(200);
    const viewer = bearer({ tenant, user: 'vic', permissions: [CASE_VIEW] });
    expect((await get(created.id, viewer)).body.data).not.toHaveProperty('comments');
    const reader = bearer({
      tenant,
      user: 'vic',
      permissions: [CASE_VIEW, Permission.CASE_COMMENT_VIEW],
    });
    expect((await get(created.id, reader)).body.data.comments).toEqual([
      {
        id: expect.any(String),
        kind: 'COMMENT',
        visibility: 'internal',
        authorId: 'alice',
        text: 'Looking into it',
        createdAt: expect.any(String),
      },
    ]);
  });

  it('enforces the permission matrix of GET /cases/:id (any view permission)', async () => {
    const created = await createCase(t, tenant, { caseTypeId: type.id });
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: `/api/v1/cases/${created.id}`,
      permissions: [CASE_VIEW, CASE_VIEW_ASSIGNED, CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED],
    });
  });

  it('leaves /cases/assigned, /mine and /unassigned to the case lists (not taken for an id)', async () => {
    for (const list of ['assigned', 'mine', 'unassigned']) {
      const res = await get(list).expect(200);
      expect(res.body).toEqual({ data: expect.any(Array), page: expect.any(Object) });
    }
  });

  it('documents every case route in the OpenAPI document, with the id path parameter', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const operations: [string, string, string][] = [
      ['/api/v1/cases', 'post', '201'],
      ['/api/v1/cases/{id}', 'get', '200'],
      ['/api/v1/cases/{id}', 'patch', '200'],
      ['/api/v1/cases/{id}/transfer', 'post', '201'],
      ['/api/v1/cases/{id}/activities', 'get', '200'],
      ...[
        'open',
        'process',
        'request-input',
        'hold',
        'resolve',
        'complete',
        'cancel',
        'reopen',
        'claim',
        'unclaim',
      ].map((a): [string, string, string] => [`/api/v1/cases/{id}/${a}`, 'post', '200']),
    ];
    for (const [path, method, status] of operations) {
      const op = doc.paths[path]?.[method];
      expect({ path, method, documented: Boolean(op?.responses?.[status]) }).toEqual({
        path,
        method,
        documented: true,
      });
      if (path.includes('{id}')) {
        expect(op.parameters).toEqual(
          expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]),
        );
      }
    }
  });

  describe("another tenant's case", () => {
    it('is 404 on every route, by GUID and by displayId, and stays untouched', async () => {
      const victim = await createCase(t, tenant, { caseTypeId: type.id });
      const intruderTenant = newTenant();
      const intruder = bearer({ tenant: intruderTenant });
      const intruderType = await new DefinitionsBuilder(t.dataSource, intruderTenant).caseType();
      const routes: [string, string, object?][] = [
        ['get', ''],
        ['patch', '', { details: 'hijacked' }],
        ['get', '/activities'],
        ['get', '/slas'],
        ['post', '/open'],
        ['post', '/process'],
        ['post', '/request-input'],
        ['post', '/hold', { reason: 'x' }],
        ['post', '/resolve', { resolution: 'x' }],
        ['post', '/complete'],
        ['post', '/cancel'],
        ['post', '/reopen'],
        ['post', '/claim'],
        ['post', '/unclaim'],
        ['post', '/transfer', { caseTypeId: intruderType.id }],
      ];
      for (const ref of [victim.id, victim.displayId]) {
        for (const [method, suffix, body] of routes) {
          const call = t.http[method as 'get'](`/api/v1/cases/${ref}${suffix}`).set(intruder);
          const res = await (body ? call.send(body) : call);
          expect({ route: `${method} ${suffix}`, status: res.status, code: res.body.code }).toEqual(
            {
              route: `${method} ${suffix}`,
              status: 404,
              code: 'CASE4045',
            },
          );
        }
      }
      const after = await get(victim.id).expect(200);
      expect(after.body.data).toMatchObject({ state: 'NEW', version: 1, details: victim.details });
    });
  });
});
