import { NOTIFICATION_TEMPLATES } from '../../src/shared/notifications/notification';
import { Permission } from '../../src/shared/auth/permission.enum';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { deliverNotifications } from '../support/deliver-notifications';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Inbox and notification templates (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const other = newTenant();
  const admin = bearer({ tenant, user: 'alice' });
  const manager = bearer({ tenant, user: 'mia', permissions: [Permission.CASE_DIRECTORY_MANAGE] });
  const stranger = bearer({ tenant: other, user: 'alice' });
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

  describe('inbox', () => {
    let caseId: string;

    beforeAll(async () => {
      await put('nia', { groups: ['triage'] }).expect(200);
      await put('olaf', { groups: ['triage'] }).expect(200);
      const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
      caseId = (
        await createCase(
          t,
          tenant,
          { caseTypeId: type.id, assignedToGroups: ['triage'], watchers: ['nia'] },
          admin,
        )
      ).id;
      for (const text of ['First', 'Second']) {
        t.clock.advanceMinutes(1);
        await t.http.post(`/api/v1/cases/${caseId}/comments`).set(admin).send({ text }).expect(201);
        await deliverNotifications(t, tenant);
      }
    });

    const inbox = (headers: Record<string, string>, query = '') =>
      t.http.get(`/api/v1/notifications${query}`).set(headers).expect(200);

    it("shows the caller's own notifications, newest first, once though reached twice", async () => {
      const res = await inbox(as('nia', []));
      expect(res.body.data).toEqual([
        expect.objectContaining({
          kind: 'case.commented',
          caseId,
          read: false,
          readAt: null,
          payload: expect.objectContaining({ comment: 'Second' }),
        }),
        expect.objectContaining({
          kind: 'case.commented',
          caseId,
          payload: expect.objectContaining({ comment: 'First' }),
        }),
      ]);
      expect((await inbox(as('olaf', []))).body.data).toHaveLength(2);
      expect((await inbox(as('alice', []))).body.data).toEqual([]);
      expect((await inbox(stranger)).body.data).toEqual([]);
      const paged = await inbox(as('nia', []), '?limit=1');
      const rest = await inbox(as('nia', []), `?limit=1&cursor=${paged.body.page.nextCursor}`);
      expect(rest.body.data[0].payload.comment).toBe('First');
    });

    it('marks one read, then all; nobody else can mark them', async () => {
      const [newest] = (await inbox(as('olaf', []))).body.data;
      await t.http.post(`/api/v1/notifications/${newest.id}/read`).set(as('nia', [])).expect(404);
      const foreign = await t.http
        .post(`/api/v1/notifications/${newest.id}/read`)
        .set(bearer({ tenant: other, user: 'olaf' }))
        .expect(404);
      expect(foreign.body.code).toBe('CASE4061');
      const read = await t.http
        .post(`/api/v1/notifications/${newest.id}/read`)
        .set(as('olaf', []))
        .expect(200);
      expect(read.body).toMatchObject({
        code: 'CASE1210',
        data: { id: newest.id, read: true, readAt: t.clock.now().toISOString() },
      });
      expect((await inbox(as('olaf', []), '?unread=true')).body.data).toHaveLength(1);

      const all = await t.http
        .post('/api/v1/notifications/read-all')
        .set(as('olaf', []))
        .expect(200);
      expect(all.body).toEqual({
        code: 'CASE1211',
        message: 'All notifications marked as read.',
        data: { updated: 1 },
      });
      expect((await inbox(as('olaf', []), '?unread=true')).body.data).toEqual([]);
      expect((await inbox(as('nia', []), '?unread=true')).body.data).toHaveLength(2);
      const bad = await t.http
        .post('/api/v1/notifications/not-a-uuid/read')
        .set(as('olaf', []))
        .expect(400);
      expect(bad.body.code).toBe('CASE4003');
    });
  });

  describe('templates', () => {
    const editor = bearer({ tenant, permissions: [Permission.CASE_DEF_EDIT] });
    const url = (kind: string, locale: string) =>
      `/api/v1/notification-templates/${kind}/${locale}`;

    it('lists the built-in English and German template of every kind', async () => {
      const res = await t.http
        .get('/api/v1/notification-templates?limit=200')
        .set(editor)
        .expect(200);
      expect(res.body.data).toHaveLength(2 * NOTIFICATION_TEMPLATES.length);
      expect(res.body.data.every((tpl: { custom: boolean }) => !tpl.custom)).toBe(true);
      expect(res.body.data.map((tpl: { locale: string }) => tpl.locale)).toEqual(
        expect.arrayContaining(['en', 'de']),
      );
    });

    it('saves a tenant template, shows it only to that tenant, and resets it', async () => {
      const body = { subject: '{{case.displayId}}: {{slaName}}', body: 'Due {{breachAt}}' };
      const saved = await t.http.put(url('sla.warning', 'fr')).set(editor).send(body).expect(200);
      expect(saved.body).toMatchObject({
        code: 'CASE1220',
        data: { kind: 'sla.warning', locale: 'fr', custom: true, ...body },
      });
      const mine = await t.http
        .get('/api/v1/notification-templates?limit=200')
        .set(editor)
        .expect(200);
      expect(mine.body.data).toContainEqual(
        expect.objectContaining({ kind: 'sla.warning', locale: 'fr', custom: true }),
      );
      const theirs = await t.http
        .get('/api/v1/notification-templates?limit=200')
        .set(stranger)
        .expect(200);
      expect(theirs.body.data).toHaveLength(2 * NOTIFICATION_TEMPLATES.length);

      const reset = await t.http.delete(url('sla.warning', 'fr')).set(editor).expect(200);
      expect(reset.body).toMatchObject({
        code: 'CASE1221',
        data: { kind: 'sla.warning', locale: 'fr' },
      });
      const after = await t.http
        .get('/api/v1/notification-templates?limit=200')
        .set(editor)
        .expect(200);
      expect(after.body.data).toHaveLength(2 * NOTIFICATION_TEMPLATES.length);
    });

    it('refuses unknown kinds (404), bad locales and templates that do not compile (400)', async () => {
      const ok = { subject: 'x', body: 'y' };
      expect(
        (await t.http.put(url('case.exploded', 'en')).set(editor).send(ok).expect(404)).body.code,
      ).toBe('CASE4062');
      expect(
        (await t.http.delete(url('case.exploded', 'en')).set(editor).expect(404)).body.code,
      ).toBe('CASE4062');
      expect(
        (await t.http.put(url('case.commented', 'EN_us')).set(editor).send(ok).expect(400)).body
          .code,
      ).toBe('CASE4020');
      const broken = await t.http
        .put(url('case.commented', 'en'))
        .set(editor)
        .send({ subject: '{{#if comment}}open', body: '{{lookupSecrets comment}}' })
        .expect(400);
      expect(broken.body.code).toBe('CASE4021');
      expect(broken.body.details.map((d: { field: string }) => d.field)).toEqual([
        'subject',
        'body',
      ]);
      expect(
        (
          await t.http
            .put(url('case.commented', 'en'))
            .set(editor)
            .send({ subject: 'x' })
            .expect(400)
        ).body.code,
      ).toBe('CASE4000');
    });
  });
});
