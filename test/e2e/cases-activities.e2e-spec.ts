import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const { CASE_VIEW, CASE_VIEW_ASSIGNED, CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED } = Permission;

describe('Reading cases: GET /cases/:id/activities (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
  });
  afterAll(() => t.close());

  describe('GET /cases/:id/activities', () => {
    it('lists the log oldest first with keyset pagination, by GUID or displayId', async () => {
      const created = await createCase(t, tenant, { caseTypeId: type.id });
      await moveTo(t, tenant, created.id, CaseState.REOPENED);
      await t.http
        .post(`/api/v1/cases/${created.id}/cancel`)
        .set(admin)
        .send({ reason: 'Duplicate', comment: 'See the other one' })
        .expect(200);
      const seen: { type: string }[] = [];
      let cursor: string | null | undefined;
      let pages = 0;
      do {
        const res = await t.http
          .get(`/api/v1/cases/${created.displayId}/activities`)
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(admin)
          .expect(200);
        expect(res.body.page.limit).toBe(2);
        seen.push(...res.body.data);
        cursor = res.body.page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen.map((a) => a.type)).toEqual([
        'case.created',
        'case.opened',
        'case.resolved',
        'case.reopened',
        'case.canceled',
      ]);
      const last = seen[4] as unknown as Record<string, unknown>;
      expect(last).toMatchObject({
        caseId: created.id,
        actorId: 'alice',
        onBehalfOf: null,
        occurredAt: expect.any(String),
        data: {
          fromState: 'REOPENED',
          toState: 'CANCELED',
          reason: 'Duplicate',
          commentId: expect.any(String),
        },
      });
      const byId = await t.http
        .get(`/api/v1/cases/${created.id}/activities`)
        .set(admin)
        .expect(200);
      expect(byId.body.data).toEqual(seen);
      expect(byId.body.page.nextCursor).toBeNull();
    });

    it('reaches every entry of a log longer than ten, in order, at any page size', async () => {
      const created = await createCase(t, tenant, { caseTypeId: type.id });
      for (let i = 1; i <= 11; i += 1) {
        await t.http
          .post(`/api/v1/cases/${created.id}/comments`)
          .set(admin)
          .send({ text: `note ${i}` })
          .expect(201);
      }
      const all = await t.http
        .get(`/api/v1/cases/${created.id}/activities`)
        .query({ limit: 200 })
        .set(admin)
        .expect(200);
      expect(all.body.data).toHaveLength(12);
      expect(all.body.data[0].type).toBe('case.created');
      const comments = await t.http
        .get(`/api/v1/cases/${created.id}/comments`)
        .query({ limit: 200 })
        .set(admin)
        .expect(200);
      const commentIds = all.body.data
        .slice(1)
        .map((a: { data: { commentId?: string } }) => a.data.commentId);
      const textOf = new Map<string, string>(
        comments.body.data.map((c: { id: string; text: string }) => [c.id, c.text]),
      );
      expect(commentIds.map((id: string) => textOf.get(id))).toEqual(
        Array.from({ length: 11 }, (_, i) => `note ${i + 1}`),
      );
      for (const limit of [1, 2, 3, 7, 50]) {
        const ids: string[] = [];
        let cursor: string | null | undefined;
        do {
          const res = await t.http
            .get(`/api/v1/cases/${created.id}/activities`)
            .query({ limit, ...(cursor ? { cursor } : {}) })
            .set(admin)
            .expect(200);
          ids.push(...res.body.data.map((a: { id: string }) => a.id));
          cursor = res.body.page.nextCursor;
        } while (cursor);
        expect({ limit, ids }).toEqual({
          limit,
          ids: all.body.data.map((a: { id: string }) => a.id),
        });
      }
    });

    it('follows the case visibility: 404 where the case is invisible, 200 where it is seen', async () => {
      const created = await createCase(t, tenant, {
        caseTypeId: type.id,
        assignedToUsers: ['bob'],
      });
      const path = `/api/v1/cases/${created.id}/activities`;
      const as = (user: string, permissions: Permission[]) =>
        t.http.get(path).set(bearer({ tenant, user, permissions }));
      const { CASE_ACTIVITY_VIEW } = Permission;
      const hidden = await as('carol', [CASE_ACTIVITY_VIEW]);
      expect([hidden.status, hidden.body.code]).toEqual([404, 'CASE4045']);
      expect(hidden.body).not.toHaveProperty('data');
      const views = [CASE_VIEW_ASSIGNED, CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED];
      expect((await as('carol', [CASE_ACTIVITY_VIEW, ...views])).status).toBe(404);
      expect((await as('bob', [CASE_ACTIVITY_VIEW, CASE_VIEW_ASSIGNED])).status).toBe(200);
      expect((await as('alice', [CASE_ACTIVITY_VIEW, CASE_VIEW_MINE])).status).toBe(200);
      expect((await as('carol', [CASE_ACTIVITY_VIEW, CASE_VIEW])).status).toBe(200);
    });

    it('answers 400 for a bad cursor, 404 for an unknown case', async () => {
      const created = await createCase(t, tenant, { caseTypeId: type.id });
      const path = `/api/v1/cases/${created.id}/activities`;
      expect((await t.http.get(`${path}?cursor=garbage`).set(admin)).body.code).toBe('CASE4002');
      const forged = Buffer.from(JSON.stringify(['1; drop'])).toString('base64url');
      expect((await t.http.get(`${path}?cursor=${forged}`).set(admin)).status).toBe(400);
      const unknown = await t.http
        .get('/api/v1/cases/00000000-0000-4000-8000-000000000000/activities')
        .set(admin);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('CASE4045');
    });

    it('enforces the permission matrix', async () => {
      const created = await createCase(t, tenant, { caseTypeId: type.id });
      await expectPermissionMatrix(t, tenant, {
        method: 'get',
        path: `/api/v1/cases/${created.id}/activities`,
        permissions: [Permission.CASE_ACTIVITY_VIEW],
      });
    });
  });
});
