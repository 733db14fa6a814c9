import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/shared/auth/permission.enum';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { caseTrail } from '../support/case-trail';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

type Headers = Record<string, string>;
const { CASE_BULK, CASE_EDIT, CASE_OPEN, CASE_VIEW_ASSIGNED } = Permission;

describe('Bulk actions (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  let caseTypeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseTypeId = await createCaseType(t, admin);
  });
  afterAll(() => t.close());

  const newCase = async (body: object = {}) => {
    const res = await t.http
      .post('/api/v1/cases')
      .set(admin)
      .send({ caseTypeId, details: 'Bulk', ...body });
    expect(res.status).toBe(201);
    return res.body.data as { id: string; displayId: string };
  };
  const bulk = (body: object, headers: Headers = admin) =>
    t.http.post('/api/v1/cases/bulk').set(headers).send(body);
  const getCase = async (id: string) =>
    (await t.http.get(`/api/v1/cases/${id}`).set(admin).expect(200)).body.data;

  it('runs the action on each case on its own and answers each case’s status and code', async () => {
    const [a, b] = [await newCase(), await newCase()];
    const unknown = randomUUID();
    const res = await bulk({
      caseIds: [a.id, b.displayId, unknown, 'not a case'],
      action: 'assign',
      params: { assignedToUsers: ['dora'], assignedToGroups: ['desk'] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'CASE1410',
      message: 'Bulk action done; see the result of each case.',
      data: {
        action: 'assign',
        succeeded: 2,
        failed: 2,
        results: [
          { id: a.id, status: 200, code: 'CASE0602' },
          { id: b.displayId, status: 200, code: 'CASE0602' },
          { id: unknown, status: 404, code: 'CASE4045' },
          { id: 'not a case', status: 400, code: 'CASE4003' },
        ],
      },
    });
    for (const id of [a.id, b.id]) {
      expect(await getCase(id)).toMatchObject({
        assignedToUsers: ['dora'],
        assignedToGroups: ['desk'],
      });
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.activities.filter((e) => e.type === 'case.updated')).toHaveLength(1);
    }
  });

  it('reports a case’s own refusal (a transition not allowed) without failing the others', async () => {
    const [a, b] = [await newCase(), await newCase()];
    await bulk({ caseIds: [a.id], action: 'open' }).expect(200);
    const res = await bulk({ caseIds: [a.id, b.id], action: 'open', params: { comment: 'Go' } });
    expect(res.body.data.results).toEqual([
      { id: a.id, status: 409, code: 'CASE4091' },
      { id: b.id, status: 200, code: 'CASE0612' },
    ]);
    expect((await getCase(b.id)).state).toBe('OPENED');
    const tags = await bulk({ caseIds: [a.id, b.id], action: 'tag', params: { tags: ['VIP'] } });
    expect(tags.body.data.results.map((r: { code: string }) => r.code)).toEqual([
      'CASE0636',
      'CASE0636',
    ]);
    expect((await getCase(a.id)).tags).toEqual(['vip']);
  });

  it('needs CASE_BULK and the action’s own permission, else 403 for the whole request', async () => {
    const kase = await newCase({ assignedToUsers: ['bob'] });
    const only = bearer({ tenant, user: 'bob', permissions: [CASE_BULK, CASE_VIEW_ASSIGNED] });
    const refused = await bulk({ caseIds: [kase.id], action: 'open' }, only);
    expect([refused.status, refused.body.code]).toEqual([403, 'CASE4030']);
    const withoutBulk = bearer({
      tenant,
      user: 'bob',
      permissions: [CASE_OPEN, CASE_VIEW_ASSIGNED],
    });
    const noBulk = await bulk({ caseIds: [kase.id], action: 'open' }, withoutBulk);
    expect([noBulk.status, noBulk.body.code]).toEqual([403, 'CASE4030']);
    expect((await getCase(kase.id)).state).toBe('NEW');
  });

  it('checks visibility per case, as the single-case route does', async () => {
    const bob = bearer({
      tenant,
      user: 'bob',
      permissions: [CASE_BULK, CASE_EDIT, CASE_VIEW_ASSIGNED],
    });
    const his = await newCase({ assignedToUsers: ['bob'] });
    const notHis = await newCase();
    const res = await bulk(
      { caseIds: [his.id, notHis.id], action: 'tag', params: { tags: ['x'] } },
      bob,
    );
    expect(res.body.data.results).toEqual([
      { id: his.id, status: 200, code: 'CASE0636' },
      { id: notHis.id, status: 404, code: 'CASE4045' },
    ]);
    expect((await getCase(notHis.id)).tags).toEqual([]);
  });

  it('keeps tenants apart: another tenant’s cases are not found', async () => {
    const kase = await newCase();
    const stranger = bearer({ tenant: newTenant() });
    const res = await bulk({ caseIds: [kase.id, kase.displayId], action: 'open' }, stranger);
    expect(res.body.data.results).toEqual([
      { id: kase.id, status: 404, code: 'CASE4045' },
      { id: kase.displayId, status: 404, code: 'CASE4045' },
    ]);
    expect((await getCase(kase.id)).state).toBe('NEW');
  });

  it('answers a replay under the same Idempotency-Key with the first results, doing nothing again', async () => {
    const kase = await newCase();
    const key = `bulk-${randomUUID()}`;
    const body = { caseIds: [kase.id], action: 'open' };
    const first = await bulk(body).set('Idempotency-Key', key).expect(200);
    const activities = (await caseTrail(t.dataSource, tenant, kase.id)).activities.length;
    const replay = await bulk(body).set('Idempotency-Key', key).expect(200);
    expect(replay.body).toEqual(first.body);
    expect(replay.body.data.results[0]).toEqual({ id: kase.id, status: 200, code: 'CASE0612' });
    expect((await caseTrail(t.dataSource, tenant, kase.id)).activities).toHaveLength(activities);
    // Without the key the same request runs again, and now the transition is refused.
    const again = await bulk(body).expect(200);
    expect(again.body.data.results[0].code).toBe('CASE4091');
  });

  it('refuses malformed requests with coded 400s naming the fields', async () => {
    const kase = await newCase();
    const cases: [object, string[]][] = [
      [{ caseIds: [], action: 'open' }, ['caseIds']],
      [{ caseIds: Array.from({ length: 501 }, () => randomUUID()), action: 'open' }, ['caseIds']],
      [{ caseIds: [kase.id, kase.id], action: 'open' }, ['caseIds']],
      [{ caseIds: [kase.id], action: 'explode' }, ['action']],
      [{ caseIds: [kase.id], action: 'resolve' }, ['params.resolution']],
      [{ caseIds: [kase.id], action: 'open', params: { tags: ['x'] } }, ['params.tags']],
      [{ caseIds: [kase.id], action: 'assign', params: {} }, ['params']],
      [
        { caseIds: [kase.id], action: 'priority', params: { priorityId: 'x' } },
        ['params.priorityId'],
      ],
      [{ caseIds: [kase.id], action: 'tag', params: { tags: ['x'], bogus: 1 } }, ['params.bogus']],
    ];
    for (const [body, fields] of cases) {
      const res = await bulk(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({
        body,
        status: 400,
        code: 'CASE4000',
      });
      const named = [...new Set(res.body.details.map((d: { field: string }) => d.field))].sort();
      expect(named).toEqual(fields);
    }
    expect((await getCase(kase.id)).version).toBe(1);
  });
});
