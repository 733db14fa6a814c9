import { Permission } from '../../src/shared/auth/permission.enum';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Directory of users and groups (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const other = newTenant();
  const admin = bearer({ tenant, user: 'alice' });
  const manager = bearer({ tenant, user: 'mia', permissions: [Permission.CASE_DIRECTORY_MANAGE] });
  const as = (user: string, permissions: Permission[] = [Permission.CASE_VIEW_ASSIGNED]) =>
    bearer({ tenant, user, permissions });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const put = (userId: string, body: object, headers = manager) =>
    t.http
      .put(`/api/v1/directory/users/${encodeURIComponent(userId)}`)
      .set(headers)
      .send(body);

  describe('directory', () => {
    it('upserts a user: creation with defaults, then absent fields keep their value', async () => {
      const created = await put('dora', {
        email: 'dora@example.test',
        groups: ['desk', 'ops', 'desk'],
      }).expect(200);
      expect(created.body).toEqual({
        code: 'CASE1200',
        message: 'Directory user saved successfully.',
        data: {
          id: 'dora',
          email: 'dora@example.test',
          name: null,
          locale: null,
          timeZone: null,
          groups: ['desk', 'ops'],
          active: true,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      });
      const updated = await put('dora', { name: 'Dora D', locale: 'de', email: null }).expect(200);
      expect(updated.body.data).toMatchObject({
        name: 'Dora D',
        locale: 'de',
        email: null,
        groups: ['desk', 'ops'],
        active: true,
      });
      const read = await t.http.get('/api/v1/directory/users/dora').set(manager).expect(200);
      expect(read.body.data).toEqual(updated.body.data);
    });

    it('refuses malformed users with coded 400s', async () => {
      for (const body of [
        { email: 'not-an-address' },
        { timeZone: 'Mars/Olympus' },
        { locale: 'english!' },
        { groups: 'desk' },
        { groups: [''] },
        { active: null },
        { unknown: 1 },
      ]) {
        const res = await put('eve', body).expect(400);
        expect(res.body.code).toBe('CASE4000');
      }
      const long = await put('x'.repeat(201), {}).expect(400);
      expect(long.body.code).toBe('CASE4003');
      await t.http.get('/api/v1/directory/users/eve').set(manager).expect(404);
    });

    it('lists users by group and text, page by page, and the groups with active members', async () => {
      await put('gus', { groups: ['lab'], name: 'Gus Grey' }).expect(200);
      await put('hal', { groups: ['lab'], active: false }).expect(200);
      await put('ivy', { groups: ['lab', 'ops'], email: 'ivy@grey.example.test' }).expect(200);

      const first = await t.http
        .get('/api/v1/directory/users?group=lab&limit=2')
        .set(manager)
        .expect(200);
      expect(first.body.data.map((u: { id: string }) => u.id)).toEqual(['gus', 'hal']);
      const next = await t.http
        .get(`/api/v1/directory/users?group=lab&limit=2&cursor=${first.body.page.nextCursor}`)
        .set(manager)
        .expect(200);
      expect(next.body).toMatchObject({
        data: [{ id: 'ivy' }],
        page: { limit: 2, nextCursor: null },
      });

      const grey = await t.http.get('/api/v1/directory/users?q=GREY').set(manager).expect(200);
      expect(grey.body.data.map((u: { id: string }) => u.id)).toEqual(['gus', 'ivy']);
      const percent = await t.http.get('/api/v1/directory/users?q=%25').set(manager).expect(200);
      expect(percent.body.data).toEqual([]);

      const groups = await t.http.get('/api/v1/directory/groups').set(manager).expect(200);
      expect(groups.body.data).toEqual(expect.arrayContaining([{ name: 'lab', members: 2 }]));
      const members = await t.http
        .get('/api/v1/directory/groups/lab/members')
        .set(manager)
        .expect(200);
      expect(
        members.body.data.map((u: { id: string; active: boolean }) => [u.id, u.active]),
      ).toEqual([
        ['gus', true],
        ['hal', false],
        ['ivy', true],
      ]);
      await t.http.get('/api/v1/directory/users?cursor=nonsense').set(manager).expect(400);
    });

    it('removes a user; removing again or reading answers 404 CASE4060', async () => {
      await put('jon', { groups: ['lab'] }).expect(200);
      const res = await t.http.delete('/api/v1/directory/users/jon').set(manager).expect(200);
      expect(res.body).toMatchObject({ code: 'CASE1201', data: { id: 'jon' } });
      const again = await t.http.delete('/api/v1/directory/users/jon').set(manager).expect(404);
      expect(again.body.code).toBe('CASE4060');
      expect(
        (await t.http.get('/api/v1/directory/users/jon').set(manager).expect(404)).body.code,
      ).toBe('CASE4060');
    });

    it("keeps tenants apart: another tenant's users are absent", async () => {
      await put('kim', { groups: ['secret-team'] }).expect(200);
      const strangerManager = bearer({
        tenant: other,
        permissions: [Permission.CASE_DIRECTORY_MANAGE],
      });
      await t.http.get('/api/v1/directory/users/kim').set(strangerManager).expect(404);
      await t.http.delete('/api/v1/directory/users/kim').set(strangerManager).expect(404);
      const list = await t.http.get('/api/v1/directory/users').set(strangerManager).expect(200);
      expect(list.body.data).toEqual([]);
      const groups = await t.http.get('/api/v1/directory/groups').set(strangerManager).expect(200);
      expect(groups.body.data).toEqual([]);
      const members = await t.http
        .get('/api/v1/directory/groups/secret-team/members')
        .set(strangerManager)
        .expect(200);
      expect(members.body.data).toEqual([]);
      await t.http.get('/api/v1/directory/users/kim').set(manager).expect(200);
    });

    it("adds the directory's groups to the token's for an active user", async () => {
      const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
      const kase = await createCase(
        t,
        tenant,
        { caseTypeId: type.id, assignedToGroups: ['field'] },
        admin,
      );
      const assigned = async (user: string) =>
        (await t.http.get('/api/v1/cases/assigned').set(as(user)).expect(200)).body.data.map(
          (c: { id: string }) => c.id,
        );
      expect(await assigned('lou')).not.toContain(kase.id);
      await put('lou', { groups: ['field'] }).expect(200);
      expect(await assigned('lou')).toContain(kase.id);
      await put('lou', { active: false }).expect(200);
      expect(await assigned('lou')).not.toContain(kase.id);
      // Same user id in another tenant: that tenant's directory says nothing about it.
      await put('lou', { active: true }).expect(200);
      const elsewhere = await t.http
        .get('/api/v1/cases/assigned')
        .set(bearer({ tenant: other, user: 'lou', permissions: [Permission.CASE_VIEW_ASSIGNED] }))
        .expect(200);
      expect(elsewhere.body.data).toEqual([]);
    });
  });
});
