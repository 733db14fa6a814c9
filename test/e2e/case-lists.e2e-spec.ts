import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { caseListHelpers, Listed } from '../support/case-lists';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Case lists (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const { builder, admin, list, ids } = caseListHelpers(() => t);

  it('answers each list with the case projection in the list envelope', async () => {
    const b = builder();
    const caseTypeId = await b.caseType('Printer trouble');
    const priorityId = await b.priority(2, 'High');
    await b.stateLabel(CaseState.OPENED, 'Looking into it');
    const due = new Date('2026-02-01T10:00:00.000Z');
    const made = await b.create({
      caseTypeId,
      priorityId,
      state: CaseState.OPENED,
      details: 'Printer jammed',
      description: 'Paper stuck in tray 2',
      initiatorId: 'carol',
      assignedToGroups: ['g1'],
      tags: ['hardware'],
      dueDate: due,
    });

    const res = await list('', admin(b.tenant));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [expect.any(Object)], page: { limit: 50, nextCursor: null } });
    const [item] = res.body.data as Listed[];
    expect(item).toMatchObject({
      id: made.id,
      displayId: `CM${b.tenant}-1`,
      caseTypeId,
      caseTypeName: 'Printer trouble',
      processName: 'Printer trouble process',
      solutionName: 'Printer trouble solution',
      priorityId,
      priority: { id: priorityId, name: 'High', level: 2 },
      state: 'OPENED',
      stateLabel: 'Looking into it',
      details: 'Printer jammed',
      description: 'Paper stuck in tray 2',
      initiatorId: 'carol',
      assignedToUsers: [],
      assignedToGroups: ['g1'],
      tags: ['hardware'],
      slaInstanceIds: [],
      dueDate: due.toISOString(),
      createdAt: made.createdAt.toISOString(),
      version: 1,
    });
    expect(item).not.toHaveProperty('comments');
    expect(item).not.toHaveProperty('cursorKey');
  });

  it('lists each case as GET /cases/:id answers it, timestamps to the millisecond', async () => {
    const b = builder();
    const made = [await b.create(), await b.create(), await b.create()];
    // The list writes timestamps from PostgreSQL's text, the single read from Date objects: the
    // same JSON for microseconds, years before 1000 and ±infinity (null). (Years BC and past 9999
    // are not RFC 3339 date-times: json-timestamps.spec.ts compares those.)
    const stamps = [
      ['2026-03-04 05:06:07.123456', '2026-03-04 05:06:07.1', '2026-03-05 00:00:00.999999'],
      ['0999-01-02 03:04:05.0005', '2026-03-04 23:59:59.987', 'infinity'],
      ['2026-03-04 05:06:07', '2026-12-31 23:59:59.999999', '-infinity'],
    ];
    for (const [i, [updated, resolved, due]] of stamps.entries()) {
      await t.dataSource.query(
        `UPDATE cases SET updated_at = $2, resolution_date = $3, due_date = $4,
                          due_date_warning = $4, sla_due_at = $3
          WHERE id = $1`,
        [made[i].id, `${updated}+00`, `${resolved}+00`, due.includes('inf') ? due : `${due}+00`],
      );
    }
    const res = await list('', admin(b.tenant));
    expect(res.status).toBe(200);
    const listed = res.body.data as Listed[];
    expect(listed.map((c) => c.id).sort()).toEqual(made.map((c) => c.id).sort());
    for (const item of listed) {
      const one = await t.http.get(`/api/v1/cases/${item.id}`).set(admin(b.tenant));
      expect(one.status).toBe(200);
      const { comments, documents, links, ...view } = one.body.data as Listed;
      expect([comments, documents, links].every(Array.isArray)).toBe(true);
      expect(item).toEqual(view);
    }
    const byId = new Map(listed.map((c) => [c.id, c]));
    expect(byId.get(made[0].id)).toMatchObject({
      updatedAt: '2026-03-04T05:06:07.123Z',
      resolutionDate: '2026-03-04T05:06:07.100Z',
      dueDate: '2026-03-05T00:00:00.999Z',
    });
    expect(byId.get(made[1].id)).toMatchObject({
      updatedAt: '0999-01-02T03:04:05.000Z',
      dueDate: null,
    });
    expect(byId.get(made[2].id)).toMatchObject({ resolutionDate: '2026-12-31T23:59:59.999Z' });
  });

  it('shows each view its own cases: all, assigned (user or group), mine, unassigned', async () => {
    const b = builder();
    const g1 = await b.create({ assignedToGroups: ['g1'], initiatorId: 'carol' });
    const bob = await b.create({ assignedToUsers: ['bob'], initiatorId: 'carol' });
    const g2 = await b.create({ assignedToGroups: ['g2', 'g4'], initiatorId: 'dave' });
    const freeCarol = await b.create({ initiatorId: 'carol' });
    const freeDave = await b.create({ initiatorId: 'dave' });
    const both = await b.create({ assignedToUsers: ['erin'], assignedToGroups: ['g1'] });
    const as = (user: string, permissions: Permission[], groups: string[] = []) =>
      bearer({ tenant: b.tenant, user, permissions, groups });
    const assigned = (user: string, groups: string[] = []) =>
      ids('/assigned', as(user, [Permission.CASE_VIEW_ASSIGNED], groups));

    expect(await ids('', as('zed', [Permission.CASE_VIEW]))).toEqual(
      [both, freeDave, freeCarol, g2, bob, g1].map((c) => c.id),
    );
    expect(await assigned('frank', ['g1'])).toEqual([both.id, g1.id]);
    expect(await assigned('bob')).toEqual([bob.id]);
    expect(await assigned('bob', ['g2'])).toEqual([g2.id, bob.id]);
    expect(await assigned('erin', ['g3'])).toEqual([both.id]);
    expect(await assigned('zed', ['g3'])).toEqual([]);
    expect(await ids('/mine', as('carol', [Permission.CASE_VIEW_MINE]))).toEqual(
      [freeCarol, bob, g1].map((c) => c.id),
    );
    expect(await ids('/mine', as('zed', [Permission.CASE_VIEW_MINE]))).toEqual([]);
    expect(await ids('/unassigned', as('zed', [Permission.CASE_VIEW_UNASSIGNED]))).toEqual([
      freeDave.id,
      freeCarol.id,
    ]);
  });

  it("never lists another tenant's cases", async () => {
    const mine = builder();
    const theirs = builder();
    const own = await mine.create({ initiatorId: 'carol', assignedToUsers: [] });
    const foreignType = await theirs.caseType();
    for (const row of [
      { initiatorId: 'carol', tags: ['vip'], details: 'Printer' },
      { initiatorId: 'carol', assignedToUsers: ['carol'], assignedToGroups: ['g1'] },
      { caseTypeId: foreignType, initiatorId: 'carol' },
    ]) {
      await theirs.create(row);
    }
    const carol = bearer({
      tenant: mine.tenant,
      user: 'carol',
      groups: ['g1'],
      permissions: [Permission.CASE_ALL],
    });
    for (const path of ['', '/assigned', '/mine', '/unassigned', '?tag=vip', '?q=printer']) {
      const expected = ['', '/mine', '/unassigned'].includes(path) ? [own.id] : [];
      expect({ path, ids: await ids(path, carol) }).toEqual({ path, ids: expected });
    }
    expect(await ids(`?caseTypeId=${foreignType}`, carol)).toEqual([]);
    expect(await ids('', admin(theirs.tenant))).toHaveLength(3);
  });

  describe('validation', () => {
    const tenant = newTenant();
    const headers = () => admin(tenant);

    async function expectInvalid(query: string, fields: string[], code = 'CASE4000') {
      const res = await list(`?${query}`, headers());
      expect({ query, status: res.status, code: res.body.code }).toEqual({
        query,
        status: 400,
        code,
      });
      if (fields.length) {
        const reported = (res.body.details as { field: string }[]).map((d) => d.field);
        expect(reported.sort()).toEqual(expect.arrayContaining(fields.sort()));
      }
      return res;
    }

    it('rejects unknown states, bad dates, bad ids, bad sorts and unknown parameters', async () => {
      await expectInvalid('state=BOGUS', ['state']);
      await expectInvalid('state=NEW,bogus', ['state']);
      await expectInvalid('state=new', ['state']);
      await expectInvalid('createdFrom=yesterday', ['createdFrom']);
      await expectInvalid('createdTo=2026-02-30', ['createdTo']);
      await expectInvalid('dueBefore=2026-01-05T25:00:00Z', ['dueBefore']);
      await expectInvalid('dueBefore=1736000000000', ['dueBefore']);
      await expectInvalid('caseTypeId=not-a-uuid', ['caseTypeId']);
      await expectInvalid('priorityId=42', ['priorityId']);
      await expectInvalid('sort=name', ['sort']);
      await expectInvalid('tag=a&tag=b', ['tag']);
      await expectInvalid('foo=1', ['foo']);
      const many = await expectInvalid('state=X&createdFrom=nope&limit=0&sort=x', [
        'state',
        'createdFrom',
        'limit',
        'sort',
      ]);
      expect(many.body.correlationId).toEqual(expect.any(String));
    });

    it('rejects a limit outside 1-200 and accepts its bounds', async () => {
      await expectInvalid('limit=0', ['limit']);
      await expectInvalid('limit=201', ['limit']);
      await expectInvalid('limit=abc', ['limit']);
      for (const limit of [1, 200]) {
        const res = await list(`?limit=${limit}`, headers());
        expect(res.status).toBe(200);
        expect(res.body.page.limit).toBe(limit);
      }
    });

    it('rejects a malformed cursor and a cursor made for another sort with CASE4002', async () => {
      const b = builder(tenant);
      for (let i = 0; i < 3; i++) await b.create({ dueDate: new Date(Date.UTC(2026, 0, 10 + i)) });
      await expectInvalid('cursor=garbage', [], 'CASE4002');
      const forged = Buffer.from(JSON.stringify(['createdAt', 'x', 'y'])).toString('base64url');
      await expectInvalid(`cursor=${forged}`, [], 'CASE4002');
      const byDue = await list('?sort=dueDate&limit=1', headers()).expect(200);
      const dueCursor = byDue.body.page.nextCursor as string;
      expect(dueCursor).toEqual(expect.any(String));
      expect((await list(`?sort=dueDate&cursor=${dueCursor}`, headers())).status).toBe(200);
      await expectInvalid(`cursor=${dueCursor}`, [], 'CASE4002');
      await expectInvalid(`sort=priority&cursor=${dueCursor}`, [], 'CASE4002');
      const byCreated = await list('?limit=1', headers()).expect(200);
      await expectInvalid(`sort=dueDate&cursor=${byCreated.body.page.nextCursor}`, [], 'CASE4002');
    });
  });

  it('describes the four lists, their filters and permissions in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, { get?: Record<string, unknown> }>;
    };
    const views: [string, Permission][] = [
      ['/api/v1/cases', Permission.CASE_VIEW],
      ['/api/v1/cases/assigned', Permission.CASE_VIEW_ASSIGNED],
      ['/api/v1/cases/mine', Permission.CASE_VIEW_MINE],
      ['/api/v1/cases/unassigned', Permission.CASE_VIEW_UNASSIGNED],
    ];
    for (const [path, permission] of views) {
      const op = doc.paths[path]?.get as {
        parameters: { name: string; schema: { enum?: string[]; items?: { enum?: string[] } } }[];
        'x-permissions': { permissions: string[] };
        responses: Record<string, unknown>;
      };
      expect(op['x-permissions'].permissions).toEqual([permission]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
      const params = Object.fromEntries(op.parameters.map((p) => [p.name, p.schema]));
      expect(Object.keys(params).sort()).toEqual(
        [
          'limit',
          'cursor',
          'state',
          'caseTypeId',
          'priorityId',
          'assignedToUser',
          'assignedToGroup',
          'initiatorId',
          'tag',
          'q',
          'createdFrom',
          'createdTo',
          'dueBefore',
          'slaStatus',
          'sort',
        ].sort(),
      );
      expect(params.state.items?.enum).toEqual(Object.values(CaseState));
      expect(params.sort.enum).toEqual(['createdAt', 'dueDate', 'priority', 'slaDueAt']);
    }
  });

  it('enforces the permission matrix on every list', async () => {
    const tenant = newTenant();
    const routes: [string, Permission][] = [
      ['/api/v1/cases', Permission.CASE_VIEW],
      ['/api/v1/cases/assigned', Permission.CASE_VIEW_ASSIGNED],
      ['/api/v1/cases/mine', Permission.CASE_VIEW_MINE],
      ['/api/v1/cases/unassigned', Permission.CASE_VIEW_UNASSIGNED],
    ];
    for (const [path, permission] of routes) {
      await expectPermissionMatrix(t, tenant, { method: 'get', path, permissions: [permission] });
      const ok = await t.http.get(path).set(bearer({ tenant, permissions: [permission] }));
      expect({ path, status: ok.status, data: ok.body.data }).toEqual({
        path,
        status: 200,
        data: [],
      });
    }
  });
});
