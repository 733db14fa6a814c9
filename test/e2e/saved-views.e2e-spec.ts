import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/shared/auth/permission.enum';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

type Headers = Record<string, string>;
const { CASE_VIEW, CASE_VIEW_ASSIGNED, CASE_VIEW_MINE } = Permission;

describe('Saved views (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  const bob = bearer({ tenant, user: 'bob', permissions: [CASE_VIEW_ASSIGNED] });
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
      .send({ caseTypeId, details: 'Viewed', ...body });
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };
  const save = (body: object, headers: Headers = admin) =>
    t.http.post('/api/v1/views').set(headers).send(body);
  const saveId = async (body: object, headers: Headers = admin) =>
    (await save(body, headers).expect(201)).body.data.id as string;
  const run = (id: string, headers: Headers = admin, query = '') =>
    t.http.get(`/api/v1/views/${id}/cases${query}`).set(headers);
  const runIds = async (id: string, headers: Headers = admin, query = '') => {
    const res = await run(id, headers, query);
    expect(res.status).toBe(200);
    return (res.body.data as { id: string }[]).map((c) => c.id);
  };

  it('saves a view and runs it as its list with the stored filters and sort, paging by cursor', async () => {
    const tag = `t${randomUUID().slice(0, 6)}`;
    const x = await newCase({ tags: [tag] });
    const y = await newCase({ tags: [tag] });
    await newCase({ tags: ['other'] });
    const res = await save({ name: 'My tagged', list: 'all', filters: { tag, state: 'NEW' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      code: 'CASE1420',
      message: 'View saved successfully.',
      data: {
        id: expect.any(String),
        name: 'My tagged',
        list: 'all',
        filters: { tag, state: 'NEW' },
        sort: 'createdAt',
        shared: false,
        ownerId: 'alice',
        createdAt: expect.any(String),
      },
    });
    const id = res.body.data.id as string;
    expect((await runIds(id)).sort()).toEqual([x, y].sort());
    const first = await run(id, admin, '?limit=1').expect(200);
    expect(first.body.data).toHaveLength(1);
    const rest = await runIds(id, admin, `?limit=1&cursor=${first.body.page.nextCursor as string}`);
    expect([first.body.data[0].id, ...rest].sort()).toEqual([x, y].sort());
    const got = await t.http.get(`/api/v1/views/${id}`).set(admin).expect(200);
    expect(got.body.data).toEqual(res.body.data);
  });

  it('keeps the stored sort when run', async () => {
    const tag = `s${randomUUID().slice(0, 6)}`;
    const sooner = await newCase({ tags: [tag], dueDate: '2026-02-01T00:00:00.000Z' });
    t.clock.advanceMinutes(1);
    const later = await newCase({ tags: [tag], dueDate: '2026-03-01T00:00:00.000Z' });
    const byDue = await saveId({ name: 'Due', list: 'all', filters: { tag }, sort: 'dueDate' });
    const byCreation = await saveId({ name: 'New', list: 'all', filters: { tag } });
    expect(await runIds(byDue)).toEqual([sooner, later]);
    expect(await runIds(byCreation)).toEqual([later, sooner]);
  });

  it('validates filters and sort with the list route’s own rules (400 with details)', async () => {
    const cases: [object, string[]][] = [
      [{ name: 'x', list: 'all', filters: { state: 'SLEEPING' } }, ['filters.state']],
      [{ name: 'x', list: 'all', filters: { createdFrom: 'yesterday' } }, ['filters.createdFrom']],
      [{ name: 'x', list: 'all', filters: { colour: 'red' } }, ['filters.colour']],
      [{ name: 'x', list: 'all', filters: { limit: 5 } }, ['filters.limit']],
      [{ name: 'x', list: 'all', filters: { tag: 7 } }, ['filters.tag']],
      [{ name: 'x', list: 'all', sort: 'random' }, ['sort']],
      [{ name: 'x', list: 'everything' }, ['list']],
      [{ name: ' ', list: 'all', filters: [] }, ['filters', 'name']],
    ];
    for (const [body, fields] of cases) {
      const res = await save(body);
      const named = [...new Set((res.body.details ?? []).map((d: { field: string }) => d.field))];
      expect({ body, status: res.status, code: res.body.code, fields: named.sort() }).toEqual({
        body,
        status: 400,
        code: 'CASE4000',
        fields,
      });
    }
  });

  it('needs the list’s own permission to save a view and to run it', async () => {
    const mineOnly = bearer({ tenant, user: 'carol', permissions: [CASE_VIEW_MINE] });
    const refused = await save({ name: 'All', list: 'all' }, mineOnly);
    expect([refused.status, refused.body.code]).toEqual([403, 'CASE4030']);
    await save({ name: 'Mine', list: 'mine' }, mineOnly).expect(201);
    const shared = await saveId({ name: 'Everything', list: 'all', shared: true });
    const ran = await run(shared, bob);
    expect([ran.status, ran.body.code]).toEqual([403, 'CASE4030']);
  });

  it('runs a shared view with the caller’s own visibility', async () => {
    const forBob = await newCase({ assignedToUsers: ['bob'] });
    const forDora = await newCase({ assignedToUsers: ['dora'] });
    const id = await saveId({ name: 'Assigned to me', list: 'assigned', shared: true });
    expect(await runIds(id, bob)).toEqual([forBob]);
    const dora = bearer({ tenant, user: 'dora', permissions: [CASE_VIEW_ASSIGNED] });
    expect(await runIds(id, dora)).toEqual([forDora]);
  });

  it('shows personal views to their owner only and shared ones to the tenant; only the owner or CASE_ALL deletes', async () => {
    const dan = bearer({ tenant, user: 'dan', permissions: [CASE_VIEW] });
    const personal = await saveId({ name: 'Dan’s own', list: 'all' }, dan);
    const shared = await saveId({ name: 'Dan’s shared', list: 'all', shared: true }, dan);
    const eve = bearer({ tenant, user: 'eve', permissions: [CASE_VIEW] });
    const listed = await t.http.get('/api/v1/views?limit=200').set(eve).expect(200);
    const ids = (listed.body.data as { id: string }[]).map((v) => v.id);
    expect(ids).toContain(shared);
    expect(ids).not.toContain(personal);
    for (const res of [
      await t.http.get(`/api/v1/views/${personal}`).set(eve),
      await run(personal, eve),
      await t.http.delete(`/api/v1/views/${personal}`).set(eve),
    ]) {
      expect([res.status, res.body.code]).toEqual([404, 'CASE4714']);
    }
    const notOwner = await t.http.delete(`/api/v1/views/${shared}`).set(eve);
    expect([notOwner.status, notOwner.body.code]).toEqual([403, 'CASE4703']);
    const deleted = await t.http.delete(`/api/v1/views/${shared}`).set(dan);
    expect(deleted.body).toEqual({
      code: 'CASE1421',
      message: 'View deleted successfully.',
      data: { id: shared },
    });
    await t.http.delete(`/api/v1/views/${personal}`).set(admin).expect(200);
    await t.http.get(`/api/v1/views/${personal}`).set(dan).expect(404);
  });

  it('keeps tenants apart', async () => {
    const id = await saveId({ name: 'Shared here', list: 'all', shared: true });
    const stranger = bearer({ tenant: newTenant() });
    for (const res of [
      await t.http.get(`/api/v1/views/${id}`).set(stranger),
      await run(id, stranger),
      await t.http.delete(`/api/v1/views/${id}`).set(stranger),
    ]) {
      expect([res.status, res.body.code]).toEqual([404, 'CASE4714']);
    }
    const listed = await t.http.get('/api/v1/views').set(stranger).expect(200);
    expect(listed.body.data).toEqual([]);
    // A stranger's view of "all" lists the stranger's cases only.
    await newCase();
    const theirs = await saveId({ name: 'All', list: 'all' }, stranger);
    expect(await runIds(theirs, stranger)).toEqual([]);
  });
});
