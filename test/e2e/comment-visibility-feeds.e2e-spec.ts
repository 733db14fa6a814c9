import * as fc from 'fast-check';
import { Permission } from '../../src/shared/auth/permission.enum';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { deliverNotifications } from '../support/deliver-notifications';
import { feedTenant } from '../support/outbox-events';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const P = Permission;
const SECRET = 'SECRET-internal-note';

/**
 * The initiator's other windows on a case (the event feed, its stream, the notification inbox)
 * never carry an internal comment; and the initiator's comment pages hold exactly the public
 * comments, in order, whatever the mix and page size.
 */
describe('Comment visibility: feeds, notifications and paging (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const agent = bearer({ tenant, user: 'uma' });
  const carol = bearer({
    tenant,
    user: 'carol',
    permissions: [P.CASE_VIEW_MINE, P.CASE_COMMENT_VIEW, P.CASE_ACTIVITY_VIEW],
  });

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
  });
  afterAll(() => t.close());

  const newCase = (body: Record<string, unknown> = {}) =>
    createCase(t, tenant, { caseTypeId: type.id, initiatorId: 'carol', ...body });
  const comment = (id: string, text: string, visibility?: string) =>
    t.http.post(`/api/v1/cases/${id}/comments`).set(agent).send({ text, visibility }).expect(201);

  it('GET /events and /events/stream are closed to an initiator-only caller; agents see visibility', async () => {
    const { id } = await newCase();
    await comment(id, SECRET);
    await feedTenant(t, tenant);
    for (const path of ['/api/v1/events', '/api/v1/events/stream?maxSeconds=0']) {
      const res = await t.http.get(path).set(carol);
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'CASE4030',
      });
      expect(JSON.stringify(res.body)).not.toContain('SECRET');
    }
    const feed = await t.http
      .get(`/api/v1/events?caseId=${id}&type=case.commented`)
      .set(agent)
      .expect(200);
    expect(feed.body.data).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          commentVisibility: 'internal',
          comment: expect.objectContaining({ visibility: 'internal', text: SECRET }),
        }),
      }),
    ]);
  });

  it('GET /notifications: a watching initiator is never told an internal comment', async () => {
    const { id } = await newCase({ watchers: ['carol', 'wendy'] });
    t.clock.advanceMinutes(1);
    await comment(id, SECRET);
    t.clock.advanceMinutes(1);
    await comment(id, 'Part ordered', 'public');
    t.clock.advanceMinutes(1);
    await t.http
      .post(`/api/v1/cases/${id}/open`)
      .set(agent)
      .send({ comment: `${SECRET} on open` })
      .expect(200);
    await deliverNotifications(t, tenant);
    const inbox = async (user: string) =>
      (await t.http.get('/api/v1/notifications').set(bearer({ tenant, user, permissions: [] })))
        .body.data as { kind: string; caseId: string; payload: Record<string, unknown> }[];
    const carolSees = (await inbox('carol')).filter((n) => n.caseId === id);
    expect(JSON.stringify(carolSees)).not.toContain('SECRET');
    expect(carolSees.map((n) => n.kind).sort()).toEqual(['case.commented', 'case.state-changed']);
    const wendySees = (await inbox('wendy')).filter((n) => n.caseId === id);
    expect(wendySees).toHaveLength(3);
    expect(JSON.stringify(wendySees)).toContain(SECRET);
  });

  it('pages of comments and activities hold exactly what the initiator may see, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        async (publics, limit) => {
          const { id } = await newCase();
          const ids: { id: string; shown: boolean }[] = [];
          for (const [n, shown] of publics.entries()) {
            t.clock.advanceMinutes(1);
            const res = await comment(id, `c${n}`, shown ? 'public' : undefined);
            ids.push({ id: res.body.data.id, shown });
          }
          const comments = await walk(`/api/v1/cases/${id}/comments`, limit);
          expect(comments.map((c) => c.id)).toEqual(ids.filter((c) => c.shown).map((c) => c.id));
          const activities = await walk(`/api/v1/cases/${id}/activities`, limit);
          const commented = activities.filter((a) => a.type === 'case.commented');
          expect(commented.map((a) => (a.data as { commentId: string }).commentId)).toEqual(
            ids.filter((c) => c.shown).map((c) => c.id),
          );
        },
      ),
      { numRuns: 6 },
    );
  });

  /** Every page of a list as carol, checking that only the last page may be short. */
  async function walk(path: string, limit: number): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const res = await t.http.get(`${path}?limit=${limit}${query}`).set(carol).expect(200);
      cursor = res.body.page.nextCursor;
      if (cursor) expect(res.body.data).toHaveLength(limit);
      items.push(...res.body.data);
    } while (cursor);
    return items;
  }
});
