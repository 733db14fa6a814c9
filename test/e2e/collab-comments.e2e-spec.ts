import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { caseTrail } from '../support/case-trail';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const { CASE_COMMENT, CASE_COMMENT_VIEW, CASE_INITIATOR_COMMENT, CASE_VIEW, CASE_VIEW_MINE } =
  Permission;

describe('Collaboration: comments and initiator comments (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  const agent = bearer({ tenant, user: 'uma', permissions: [CASE_COMMENT, CASE_VIEW] });
  const carol = bearer({
    tenant,
    user: 'carol',
    permissions: [CASE_INITIATOR_COMMENT, CASE_VIEW_MINE, CASE_COMMENT_VIEW],
  });

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
  });
  afterAll(() => t.close());

  const newCase = (body: Record<string, unknown> = {}) =>
    createCase(t, tenant, { caseTypeId: type.id, initiatorId: 'carol', ...body });
  const comment = (id: string, text: unknown, headers = agent, visibility?: string) =>
    t.http.post(`/api/v1/cases/${id}/comments`).set(headers).send({ text, visibility });
  const initiatorComment = (id: string, text: unknown, headers = carol) =>
    t.http.post(`/api/v1/cases/${id}/initiator-comments`).set(headers).send({ text });

  describe('POST /cases/:id/comments', () => {
    it('adds a trimmed comment: 201 CASE0609, case version, activity and outbox in one go', async () => {
      const { id, displayId } = await newCase();
      const res = await comment(displayId, '  Toner looks empty  ');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        code: 'CASE0609',
        message: 'Comment created successfully.',
        data: {
          id: expect.any(String),
          kind: 'COMMENT',
          visibility: 'internal',
          authorId: 'uma',
          text: 'Toner looks empty',
          createdAt: TEST_START.toISOString(),
        },
      });
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.row).toMatchObject({ version: 2, updated_by: 'uma' });
      expect(trail.comments).toEqual([
        { id: res.body.data.id, text: 'Toner looks empty', kind: 'COMMENT' },
      ]);
      expect(trail.activities.at(-1)).toEqual({
        type: 'case.commented',
        actor_id: 'uma',
        on_behalf_of: null,
        data: { commentId: res.body.data.id, commentVisibility: 'internal' },
      });
      expect(trail.outbox).toContain('case.commented');

      const view = await t.http.get(`/api/v1/cases/${id}`).set(admin);
      expect(view.body.data.comments).toEqual([res.body.data]);
    });

    it('is open in every state, closed cases included', async () => {
      const { id } = await newCase();
      await moveTo(t, tenant, id, CaseState.COMPLETED);
      const res = await comment(id, 'Post-mortem note');
      expect(res.status).toBe(201);
    });

    it('answers 400 CASE4000 with details on `text` for blank, long, missing or non-text', async () => {
      const { id } = await newCase();
      for (const text of ['', '   ', 'x'.repeat(10_001), undefined, 42, ['a']]) {
        const res = await comment(id, text);
        expect({ text, status: res.status, code: res.body.code }).toEqual({
          text,
          status: 400,
          code: 'CASE4000',
        });
        expect(res.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'text' })]),
        );
      }
      const extra = await t.http
        .post(`/api/v1/cases/${id}/comments`)
        .set(agent)
        .send({ text: 'ok', kind: 'INITIATOR' });
      expect(extra.status).toBe(400);
      expect((await caseTrail(t.dataSource, tenant, id)).comments).toEqual([]);
    });

    it('honours If-Match: a stale version is 409 CASE4092 and adds nothing', async () => {
      const { id } = await newCase();
      const stale = await t.http
        .post(`/api/v1/cases/${id}/comments`)
        .set(agent)
        .set('If-Match', '"7"')
        .send({ text: 'Late' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('CASE4092');
      const fresh = await t.http
        .post(`/api/v1/cases/${id}/comments`)
        .set(agent)
        .set('If-Match', '1')
        .send({ text: 'On time' });
      expect(fresh.status).toBe(201);
      expect((await caseTrail(t.dataSource, tenant, id)).comments).toHaveLength(1);
    });

    it('is 404 on a case the caller cannot see, and on another tenant’s case', async () => {
      const { id } = await newCase({ assignedToUsers: ['uma'] });
      const outsider = bearer({ tenant, user: 'zed', permissions: [CASE_COMMENT, CASE_VIEW_MINE] });
      const hidden = await comment(id, 'Hello', outsider);
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('CASE4045');
      const stranger = bearer({ tenant: newTenant() });
      for (const res of [
        await comment(id, 'Hello', stranger),
        await t.http.get(`/api/v1/cases/${id}/comments`).set(stranger),
        await initiatorComment(id, 'Hello', stranger),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('CASE4045');
      }
      expect((await caseTrail(t.dataSource, tenant, id)).comments).toEqual([]);
    });
  });

  describe('GET /cases/:id/comments', () => {
    it('lists comments of both kinds oldest first, keyset-paginated', async () => {
      const { id, displayId } = await newCase();
      const texts = ['first', 'second', 'third'];
      for (const text of texts) {
        t.clock.advanceMinutes(1);
        // Public: carol, who reads below, sees the case only as its initiator.
        await comment(id, text, agent, 'public').expect(201);
      }
      t.clock.advanceMinutes(1);
      await initiatorComment(id, 'from carol').expect(201);

      const first = await t.http.get(`/api/v1/cases/${displayId}/comments?limit=3`).set(carol);
      expect(first.status).toBe(200);
      expect(first.body.data.map((c: { text: string }) => c.text)).toEqual(texts);
      expect(first.body.page).toEqual({ limit: 3, nextCursor: expect.any(String) });
      const second = await t.http
        .get(`/api/v1/cases/${id}/comments?limit=3&cursor=${first.body.page.nextCursor}`)
        .set(carol);
      expect(second.body).toEqual({
        data: [
          expect.objectContaining({ kind: 'INITIATOR', authorId: 'carol', text: 'from carol' }),
        ],
        page: { limit: 3, nextCursor: null },
      });
      const bad = await t.http.get(`/api/v1/cases/${id}/comments?cursor=WyJ4Il0`).set(carol);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('CASE4002');
    });

    it('leaves comments off the case view without CASE_COMMENT_VIEW', async () => {
      const { id } = await newCase();
      await comment(id, 'internal').expect(201);
      const viewer = bearer({ tenant, user: 'vic', permissions: [CASE_VIEW] });
      const view = await t.http.get(`/api/v1/cases/${id}`).set(viewer);
      expect(view.status).toBe(200);
      expect(view.body.data).not.toHaveProperty('comments');
    });
  });

  describe('POST /cases/:id/initiator-comments', () => {
    it('answers a REQUEST_INPUT case: CASE0623, back to IN_PROCESS with its activity', async () => {
      const { id } = await newCase();
      await moveTo(t, tenant, id, CaseState.REQUEST_INPUT);
      const res = await initiatorComment(id, '  The serial is 1234  ');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        code: 'CASE0623',
        message: 'Your comment was added successfully.',
        data: {
          id: expect.any(String),
          kind: 'INITIATOR',
          visibility: 'public',
          authorId: 'carol',
          text: 'The serial is 1234',
          createdAt: expect.any(String),
        },
      });
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.row).toMatchObject({ state: CaseState.IN_PROCESS, version: 4 });
      expect(trail.comments).toEqual([
        { id: res.body.data.id, text: 'The serial is 1234', kind: 'INITIATOR' },
      ]);
      expect(trail.activities.slice(-2)).toEqual([
        {
          type: 'case.initiator-commented',
          actor_id: 'carol',
          on_behalf_of: null,
          data: { commentId: res.body.data.id, commentVisibility: 'public' },
        },
        {
          type: 'case.processing-started',
          actor_id: 'carol',
          on_behalf_of: null,
          data: {
            fromState: CaseState.REQUEST_INPUT,
            toState: CaseState.IN_PROCESS,
            answeredBy: 'initiatorComment',
          },
        },
      ]);
      expect(trail.outbox).toEqual(
        expect.arrayContaining(['case.initiator-commented', 'case.processing-started']),
      );
    });

    it('is CASE0625 in any other state, and the state stays', async () => {
      for (const state of [CaseState.NEW, CaseState.IN_PROCESS, CaseState.ON_HOLD]) {
        const { id } = await newCase();
        await moveTo(t, tenant, id, state);
        const res = await initiatorComment(id, 'Any news?');
        expect({ state, status: res.status, code: res.body.code }).toEqual({
          state,
          status: 201,
          code: 'CASE0625',
        });
        const trail = await caseTrail(t.dataSource, tenant, id);
        expect(trail.row?.state).toBe(state);
        expect(trail.activities.at(-1)?.type).toBe('case.initiator-commented');
      }
    });

    it('is 403 CASE4031 for someone who sees the case but is not its initiator', async () => {
      const { id } = await newCase();
      await moveTo(t, tenant, id, CaseState.REQUEST_INPUT);
      for (const headers of [
        bearer({ tenant, user: 'uma', permissions: [CASE_INITIATOR_COMMENT, CASE_VIEW] }),
        admin,
      ]) {
        const res = await initiatorComment(id, 'I answer for carol', headers);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('CASE4031');
      }
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.row).toMatchObject({ state: CaseState.REQUEST_INPUT, version: 3 });
      expect(trail.comments).toEqual([]);
    });

    it('lets the initiator answer without a view permission; hides the case from others', async () => {
      const { id } = await newCase();
      const bare = bearer({ tenant, user: 'carol', permissions: [CASE_INITIATOR_COMMENT] });
      expect((await initiatorComment(id, 'Mine', bare)).status).toBe(201);
      const other = bearer({ tenant, user: 'zed', permissions: [CASE_INITIATOR_COMMENT] });
      const res = await initiatorComment(id, 'Not mine', other);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CASE4045');
    });

    it('validates the text like a comment', async () => {
      const { id } = await newCase();
      const res = await initiatorComment(id, ' ');
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'text' })]);
    });
  });

  it('each route has its permission matrix', async () => {
    const { id } = await newCase();
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: `/api/v1/cases/${id}/comments`,
      body: { text: 'matrix' },
      permissions: [CASE_COMMENT],
    });
    // The matrix calls as 'alice': on her own case the initiator rule lets every token through.
    const own = await newCase({ initiatorId: 'alice' });
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: `/api/v1/cases/${own.id}/initiator-comments`,
      body: { text: 'matrix' },
      permissions: [CASE_INITIATOR_COMMENT],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'get',
      path: `/api/v1/cases/${id}/comments`,
      permissions: [CASE_COMMENT_VIEW],
    });
  });
});
