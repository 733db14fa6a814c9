import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { caseTrail } from '../support/case-trail';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const P = Permission;
const SECRET = 'SECRET-internal-note';
const SECRET_ACTION = 'SECRET-hold-note';

interface Activity {
  type: string;
  data: Record<string, unknown>;
}

/**
 * Internal comments never reach a caller who sees the case only as its initiator, on any route
 * that answers comment text or activity data; agents read everything.
 */
describe('Comment visibility: what the initiator sees (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const agent = bearer({ tenant, user: 'uma' });
  const carol = bearer({
    tenant,
    user: 'carol',
    permissions: [
      P.CASE_VIEW_MINE,
      P.CASE_COMMENT_VIEW,
      P.CASE_ACTIVITY_VIEW,
      P.CASE_INITIATOR_COMMENT,
    ],
  });
  let caseId: string;
  let internalId: string;
  let publicId: string;

  const comment = (id: string, body: object, headers = agent) =>
    t.http.post(`/api/v1/cases/${id}/comments`).set(headers).send(body);
  const leaks = (body: unknown) => JSON.stringify(body).includes('SECRET');

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
    const created = await createCase(t, tenant, {
      caseTypeId: type.id,
      initiatorId: 'carol',
      watchers: ['carol', 'wendy'],
    });
    caseId = created.id;
    await moveTo(t, tenant, caseId, CaseState.IN_PROCESS);
    t.clock.advanceMinutes(1);
    internalId = (await comment(caseId, { text: SECRET }).expect(201)).body.data.id;
    t.clock.advanceMinutes(1);
    const shown = { text: 'We ordered the part', visibility: 'public' };
    publicId = (await comment(caseId, shown).expect(201)).body.data.id;
    t.clock.advanceMinutes(1);
    await t.http
      .post(`/api/v1/cases/${caseId}/initiator-comments`)
      .set(carol)
      .send({ text: 'Thanks' })
      .expect(201);
    t.clock.advanceMinutes(1);
    await t.http
      .post(`/api/v1/cases/${caseId}/hold`)
      .set(agent)
      .send({ reason: 'parts', comment: SECRET_ACTION })
      .expect(200);
  });
  afterAll(() => t.close());

  describe('writing', () => {
    it('makes an agent comment internal by default, public on request, and says so', async () => {
      const { id } = await createCase(t, tenant, { caseTypeId: type.id, initiatorId: 'carol' });
      const plain = await comment(id, { text: 'Note' });
      expect(plain.status).toBe(201);
      expect(plain.body.data).toMatchObject({ kind: 'COMMENT', visibility: 'internal' });
      const open = await comment(id, { text: 'Hello', visibility: 'public' });
      expect(open.body.data).toMatchObject({ visibility: 'public' });
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.activities.slice(-2).map((a) => a.data)).toEqual([
        { commentId: plain.body.data.id, commentVisibility: 'internal' },
        { commentId: open.body.data.id, commentVisibility: 'public' },
      ]);
    });

    it('answers 400 CASE4000 on `visibility` for anything else, and writes nothing', async () => {
      const { id } = await createCase(t, tenant, { caseTypeId: type.id, initiatorId: 'carol' });
      for (const visibility of ['secret', 'PUBLIC', '', 1, ['public']]) {
        const res = await comment(id, { text: 'x', visibility });
        expect({ visibility, status: res.status, code: res.body.code }).toEqual({
          visibility,
          status: 400,
          code: 'CASE4000',
        });
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'visibility' })]);
      }
      expect((await caseTrail(t.dataSource, tenant, id)).comments).toEqual([]);
    });

    it("keeps the initiator's comments public: `internal` is 400 CASE4000, `public` is fine", async () => {
      const { id } = await createCase(t, tenant, { caseTypeId: type.id, initiatorId: 'carol' });
      const post = (body: object) =>
        t.http.post(`/api/v1/cases/${id}/initiator-comments`).set(carol).send(body);
      const refused = await post({ text: 'Hide this', visibility: 'internal' });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('CASE4000');
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'visibility' })]);
      expect((await caseTrail(t.dataSource, tenant, id)).comments).toEqual([]);
      const ok = await post({ text: 'Fine', visibility: 'public' });
      expect(ok.status).toBe(201);
      expect(ok.body.data).toMatchObject({ kind: 'INITIATOR', visibility: 'public' });
      expect((await post({ text: 'Default' })).body.data.visibility).toBe('public');
    });
    it("takes an action comment's `commentVisibility` (default internal; else 400)", async () => {
      const { id } = await createCase(t, tenant, { caseTypeId: type.id, initiatorId: 'carol' });
      const act = (action: string, body: object) =>
        t.http.post(`/api/v1/cases/${id}/${action}`).set(agent).send(body);
      const bad = await act('open', { comment: 'x', commentVisibility: 'secret' });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'commentVisibility' })]);
      await act('open', { comment: `${SECRET} on open` }).expect(200);
      const asked = { comment: 'Please send the serial number', commentVisibility: 'public' };
      await act('request-input', asked).expect(200);
      const mine = await t.http.get(`/api/v1/cases/${id}/comments`).set(carol).expect(200);
      expect(mine.body.data).toEqual([
        expect.objectContaining({ text: asked.comment, visibility: 'public' }),
      ]);
    });
  });

  describe('reading', () => {
    it('GET /cases/:id/comments: the initiator reads public comments only; an agent all', async () => {
      const mine = await t.http.get(`/api/v1/cases/${caseId}/comments`).set(carol).expect(200);
      expect(leaks(mine.body)).toBe(false);
      expect(mine.body.data.map((c: { id: string }) => c.id)).toContain(publicId);
      expect(mine.body.data.every((c: { visibility: string }) => c.visibility === 'public')).toBe(
        true,
      );
      const all = await t.http.get(`/api/v1/cases/${caseId}/comments`).set(agent).expect(200);
      expect(all.body.data.map((c: { text: string; visibility: string }) => c.visibility)).toEqual([
        'internal',
        'public',
        'public',
        'internal',
      ]);
      expect(all.body.data[0]).toMatchObject({ id: internalId, text: SECRET });
    });

    it('GET /cases/:id: the case of the initiator carries public comments only', async () => {
      const mine = await t.http.get(`/api/v1/cases/${caseId}`).set(carol).expect(200);
      expect(leaks(mine.body)).toBe(false);
      expect(mine.body.data.comments).toHaveLength(2);
      const all = await t.http.get(`/api/v1/cases/${caseId}`).set(agent).expect(200);
      expect(all.body.data.comments).toHaveLength(4);
      expect(leaks(all.body)).toBe(true);
    });

    it('GET /cases/mine: nothing of an internal comment', async () => {
      const mine = await t.http.get('/api/v1/cases/mine').set(carol).expect(200);
      expect(mine.body.data.map((c: { id: string }) => c.id)).toContain(caseId);
      expect(leaks(mine.body)).toBe(false);
    });

    it('a write answered with the case (watching) shows the initiator public comments only', async () => {
      const res = await t.http
        .post(`/api/v1/cases/${caseId}/watchers`)
        .set(carol)
        .send({})
        .expect(200);
      expect(leaks(res.body)).toBe(false);
      expect(res.body.data.comments).toHaveLength(2);
    });

    it('GET /cases/:id/activities: no entry of an internal comment, no id of one', async () => {
      const all = await t.http.get(`/api/v1/cases/${caseId}/activities`).set(agent).expect(200);
      const mine = await t.http.get(`/api/v1/cases/${caseId}/activities`).set(carol).expect(200);
      const agentSees = all.body.data as Activity[];
      const carolSees = mine.body.data as Activity[];
      expect(agentSees.filter((a) => a.type === 'case.commented')).toHaveLength(2);
      expect(carolSees.filter((a) => a.type === 'case.commented')).toEqual([
        expect.objectContaining({ data: { commentId: publicId, commentVisibility: 'public' } }),
      ]);
      expect(JSON.stringify(carolSees)).not.toContain(internalId);
      const held = carolSees.find((a) => a.type === 'case.put-on-hold')!;
      expect(held.data).toEqual({ fromState: 'IN_PROCESS', toState: 'ON_HOLD', reason: 'parts' });
      const agentHeld = agentSees.find((a) => a.type === 'case.put-on-hold')!;
      expect(agentHeld.data).toMatchObject({ commentVisibility: 'internal' });
      expect(carolSees).toHaveLength(agentSees.length - 1);
    });

    it('GET /cases/:id/activities pages stay full and exact for the initiator', async () => {
      const whole = (await t.http.get(`/api/v1/cases/${caseId}/activities`).set(carol)).body.data;
      const paged: unknown[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const res = await t.http
          .get(`/api/v1/cases/${caseId}/activities?limit=2${query}`)
          .set(carol)
          .expect(200);
        cursor = res.body.page.nextCursor;
        if (cursor) expect(res.body.data).toHaveLength(2);
        paged.push(...res.body.data);
      } while (cursor);
      expect(paged).toEqual(whole);
    });
  });
});
