import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { caseTrail } from '../support/case-trail';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const { CASE_EDIT, CASE_VIEW, CASE_VIEW_ASSIGNED, CASE_VIEW_MINE, CASE_VIEW_UNASSIGNED } =
  Permission;
const WATCH_PERMISSIONS = [
  CASE_VIEW,
  CASE_VIEW_ASSIGNED,
  CASE_VIEW_MINE,
  CASE_VIEW_UNASSIGNED,
  CASE_EDIT,
];

describe('Collaboration: tags, watchers and manual milestones (e2e)', () => {
  let t: TestApp;
  let type: BuiltCaseType;
  const tenant = newTenant();
  const editor = bearer({ tenant, user: 'ed', permissions: [CASE_EDIT, CASE_VIEW] });

  beforeAll(async () => {
    t = await createTestApp();
    type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
  });
  afterAll(() => t.close());

  const newCase = (body: Record<string, unknown> = {}) =>
    createCase(t, tenant, { caseTypeId: type.id, ...body });
  const addTags = (id: string, tags: unknown, headers = editor) =>
    t.http.post(`/api/v1/cases/${id}/tags`).set(headers).send({ tags });
  const removeTag = (id: string, tag: string, headers = editor) =>
    t.http.delete(`/api/v1/cases/${id}/tags/${encodeURIComponent(tag)}`).set(headers);
  const watch = (id: string, headers: Record<string, string>, body: object = {}) =>
    t.http.post(`/api/v1/cases/${id}/watchers`).set(headers).send(body);
  const unwatch = (id: string, userId: string, headers: Record<string, string>) =>
    t.http.delete(`/api/v1/cases/${id}/watchers/${userId}`).set(headers);
  const milestone = (id: string, body: object, headers = editor) =>
    t.http.post(`/api/v1/cases/${id}/milestones`).set(headers).send(body);

  describe('tags', () => {
    it('adds normalized tags: 200 CASE0636 with the case, one activity entry', async () => {
      const { id, displayId } = await newCase({ tags: ['printer'] });
      const res = await addTags(displayId, [' Urgent ', 'PRINTER', 'urgent', 'Floor 2']);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        code: 'CASE0636',
        message: 'Tag created successfully.',
        data: { id, tags: ['printer', 'urgent', 'floor 2'], version: 2 },
      });
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.activities.at(-1)).toEqual({
        type: 'case.tags-added',
        actor_id: 'ed',
        on_behalf_of: null,
        data: {
          tags: ['urgent', 'floor 2'],
          changes: { tags: { old: ['printer'], new: ['printer', 'urgent', 'floor 2'] } },
        },
      });
      expect(trail.outbox).toContain('case.tags-added');

      const again = await addTags(id, ['URGENT']);
      expect(again.status).toBe(200);
      expect(again.body.data).toMatchObject({ tags: ['printer', 'urgent', 'floor 2'], version: 2 });
    });

    it('bounds tags: at most 20 per case of at most 50 characters, none blank (400)', async () => {
      const { id } = await newCase({ tags: Array.from({ length: 19 }, (_, i) => `t${i}`) });
      const bad: [unknown, string][] = [
        [['a', 'b'], 'a case has at most 20 tags'],
        [['x'.repeat(51)], 'tags'],
        [['  '], 'tags'],
        [[], 'tags'],
        ['urgent', 'tags'],
        [[42], 'tags'],
        [Array.from({ length: 21 }, (_, i) => `n${i}`), 'tags'],
      ];
      for (const [tags, hint] of bad) {
        const res = await addTags(id, tags);
        expect({ tags, status: res.status, code: res.body.code }).toEqual({
          tags,
          status: 400,
          code: 'CASE4000',
        });
        expect(res.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'tags' })]),
        );
        if (hint !== 'tags') expect(res.body.message).toContain(hint);
      }
      expect((await addTags(id, ['x'.repeat(50)])).status).toBe(200);
      expect((await caseTrail(t.dataSource, tenant, id)).row?.tags).toHaveLength(20);
    });

    it('removes one tag: 200 CASE0637; a tag not on the case is 404 CASE4049', async () => {
      const { id } = await newCase({ tags: ['printer', 'floor 2'] });
      const res = await removeTag(id, 'Floor 2');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        code: 'CASE0637',
        message: 'Tag have been remove successfully.',
        data: { tags: ['printer'], version: 2 },
      });
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.activities.at(-1)).toMatchObject({
        type: 'case.tag-removed',
        data: { tag: 'floor 2' },
      });
      const missing = await removeTag(id, 'floor 2');
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('CASE4049');
    });

    it('are edits: 409 CASE4091 on a closed case', async () => {
      const { id } = await newCase({ tags: ['printer'] });
      await moveTo(t, tenant, id, CaseState.CANCELED);
      expect((await addTags(id, ['late'])).body.code).toBe('CASE4091');
      expect((await removeTag(id, 'printer')).body.code).toBe('CASE4091');
    });
  });

  describe('watchers', () => {
    it('lets anyone who sees the case watch it: 200 CASE1001 with the case, the caller added', async () => {
      const { id } = await newCase({ initiatorId: 'carol' });
      const carol = bearer({ tenant, user: 'carol', permissions: [CASE_VIEW_MINE] });
      const res = await watch(id, carol);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        code: 'CASE1001',
        message: 'Watcher added successfully.',
        data: expect.objectContaining({ id, watchers: ['carol'], version: 2 }),
      });
      const again = await watch(id, carol, { userId: 'carol' });
      expect(again.body.data).toMatchObject({ watchers: ['carol'], version: 2 });

      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.activities.at(-1)).toMatchObject({
        type: 'case.watcher-added',
        actor_id: 'carol',
        data: { userId: 'carol' },
      });

      const gone = await unwatch(id, 'carol', carol);
      expect(gone.status).toBe(200);
      expect(gone.body).toEqual({
        code: 'CASE1002',
        message: 'Watcher removed successfully.',
        data: expect.objectContaining({ watchers: [], version: 3 }),
      });
      expect((await caseTrail(t.dataSource, tenant, id)).activities.at(-1)?.type).toBe(
        'case.watcher-removed',
      );
    });

    it('needs CASE_EDIT to add or remove someone else (403 CASE4030)', async () => {
      const { id } = await newCase({ watchers: ['dave'] });
      const viewer = bearer({ tenant, user: 'vic', permissions: [CASE_VIEW] });
      for (const res of [
        await watch(id, viewer, { userId: 'erin' }),
        await unwatch(id, 'dave', viewer),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('CASE4030');
      }
      expect((await watch(id, editor, { userId: 'erin' })).body.data.watchers).toEqual([
        'dave',
        'erin',
      ]);
      expect((await unwatch(id, 'dave', editor)).body.data.watchers).toEqual(['erin']);
      const missing = await unwatch(id, 'dave', editor);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('CASE4050');
    });

    it('is 404 for a case the caller cannot see, and for another tenant’s case', async () => {
      const { id } = await newCase({ assignedToUsers: ['uma'] });
      const notMine = bearer({ tenant, user: 'vic', permissions: [CASE_VIEW_ASSIGNED] });
      const hidden = await watch(id, notMine);
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('CASE4045');
      const assigned = bearer({ tenant, user: 'uma', permissions: [CASE_VIEW_ASSIGNED] });
      expect((await watch(id, assigned)).status).toBe(200);
      const stranger = bearer({ tenant: newTenant() });
      expect((await watch(id, stranger)).body.code).toBe('CASE4045');
      expect((await unwatch(id, 'uma', stranger)).body.code).toBe('CASE4045');
    });

    it('validates userId', async () => {
      const { id } = await newCase();
      for (const userId of ['', '   ', 42, 'x'.repeat(201)]) {
        const res = await watch(id, editor, { userId });
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'userId' })]),
        );
      }
    });
  });

  describe('manual milestones', () => {
    it('records a milestone and raises completedPercent, never lowering it', async () => {
      const { id } = await newCase();
      const res = await milestone(id, { name: ' Parts ordered ', percent: 40 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        code: 'CASE1003',
        message: 'Milestone recorded successfully.',
        data: expect.objectContaining({
          completedPercent: 40,
          milestones: [
            {
              name: 'Parts ordered',
              percent: 40,
              onState: CaseState.NEW,
              reachedAt: TEST_START.toISOString(),
              manual: true,
              recordedBy: 'ed',
            },
          ],
        }),
      });
      const lower = await milestone(id, { name: 'Rechecked', percent: 10 });
      expect(lower.body.data.completedPercent).toBe(40);
      const plain = await milestone(id, { name: 'Called back' });
      expect(plain.body.data).toMatchObject({ completedPercent: 40, version: 4 });
      expect(plain.body.data.milestones.map((m: { percent: number }) => m.percent)).toEqual([
        40, 10, 40,
      ]);
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.activities.at(-3)).toMatchObject({
        type: 'case.milestone-reached',
        data: { completedPercent: 40, milestone: { name: 'Parts ordered', manual: true } },
      });
    });

    it('validates name and percent, and refuses a closed case', async () => {
      const { id } = await newCase();
      for (const [body, field] of [
        [{ percent: 10 }, 'name'],
        [{ name: '  ' }, 'name'],
        [{ name: 'x', percent: 101 }, 'percent'],
        [{ name: 'x', percent: -1 }, 'percent'],
        [{ name: 'x', percent: 12.5 }, 'percent'],
      ] as const) {
        const res = await milestone(id, body);
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field })]),
        );
      }
      await moveTo(t, tenant, id, CaseState.COMPLETED);
      expect((await milestone(id, { name: 'Too late', percent: 99 })).body.code).toBe('CASE4091');
    });
  });

  it('tenant isolation: another tenant’s case is 404 for tags and milestones', async () => {
    const { id } = await newCase({ tags: ['printer'] });
    const stranger = bearer({ tenant: newTenant() });
    for (const res of [
      await addTags(id, ['x'], stranger),
      await removeTag(id, 'printer', stranger),
      await milestone(id, { name: 'x' }, stranger),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CASE4045');
    }
    expect((await caseTrail(t.dataSource, tenant, id)).row).toMatchObject({
      tags: ['printer'],
      version: 1,
    });
  });

  it('each route has its permission matrix', async () => {
    const { id } = await newCase({ tags: Array.from({ length: 3 }, (_, i) => `m${i}`) });
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: `/api/v1/cases/${id}/tags`,
      body: { tags: ['matrix'] },
      permissions: [CASE_EDIT],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'delete',
      path: `/api/v1/cases/${id}/tags/absent`,
      permissions: [CASE_EDIT],
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: `/api/v1/cases/${id}/watchers`,
      body: {},
      permissions: WATCH_PERMISSIONS,
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'delete',
      path: `/api/v1/cases/${id}/watchers/alice`,
      permissions: WATCH_PERMISSIONS,
    });
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: `/api/v1/cases/${id}/milestones`,
      body: { name: 'matrix' },
      permissions: [CASE_EDIT],
    });
  });
});
