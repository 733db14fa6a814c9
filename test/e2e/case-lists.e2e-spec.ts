import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { CaseRowBuilder } from '../support/builders/case-rows.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

interface Listed {
  id: string;
  [field: string]: unknown;
}

describe('Case lists (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const builder = (tenant = newTenant()) => new CaseRowBuilder(t.dataSource, tenant);
  const admin = (tenant: string) => bearer({ tenant });

  const list = (path: string, headers: Record<string, string>) =>
    t.http.get(`/api/v1/cases${path}`).set(headers);

  async function ids(path: string, headers: Record<string, string>): Promise<string[]> {
    const res = await list(path, headers);
    expect(res.status).toBe(200);
    return (res.body.data as Listed[]).map((c) => c.id);
  }

  /** Follows nextCursor to the end; `between` runs after each page (to write concurrently). */
  async function pageThrough(
    path: string,
    headers: Record<string, string>,
    between: () => Promise<unknown> = async () => undefined,
  ): Promise<string[][]> {
    const pages: string[][] = [];
    const sep = path.includes('?') ? '&' : '?';
    let cursor: string | null = null;
    do {
      const res = await list(`${path}${cursor ? `${sep}cursor=${cursor}` : ''}`, headers);
      expect(res.status).toBe(200);
      pages.push((res.body.data as Listed[]).map((c) => c.id));
      cursor = res.body.page.nextCursor as string | null;
      await between();
    } while (cursor && pages.length < 50);
    return pages;
  }

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

  describe('filters', () => {
    let cb: CaseRowBuilder;
    let types: string[];
    let prios: string[];
    const named: Record<string, string> = {};
    let headers: Record<string, string>;
    const get = (query: string) => ids(`?${query}`, headers);

    beforeAll(async () => {
      cb = builder();
      headers = admin(cb.tenant);
      types = [await cb.caseType('Incident'), await cb.caseType('Request')];
      prios = [await cb.priority(1), await cb.priority(5)];
      const at = (iso: string) => new Date(iso);
      const rows: Record<string, Parameters<CaseRowBuilder['create']>[0]> = {
        printer: {
          details: 'Printer jammed',
          description: 'Paper stuck in the office printer',
          state: CaseState.NEW,
          caseTypeId: types[0],
          priorityId: prios[0],
          initiatorId: 'carol',
          assignedToUsers: ['bob'],
          tags: ['hardware', 'vip'],
          createdAt: at('2026-01-01T08:00:00.000Z'),
          dueDate: at('2026-01-03T00:00:00.000Z'),
        },
        toner: {
          details: 'Toner low',
          description: 'The printer needs a new toner cartridge',
          state: CaseState.OPENED,
          caseTypeId: types[0],
          priorityId: prios[1],
          initiatorId: 'dave',
          assignedToGroups: ['desk'],
          tags: ['hardware'],
          createdAt: at('2026-01-02T08:00:00.000Z'),
          dueDate: at('2026-01-10T00:00:00.000Z'),
        },
        access: {
          details: 'Access request',
          description: 'Needs VPN access for the paper archive',
          state: CaseState.IN_PROCESS,
          caseTypeId: types[1],
          initiatorId: 'carol',
          assignedToUsers: ['erin'],
          assignedToGroups: ['desk', 'network'],
          createdAt: at('2026-01-03T08:00:00.000Z'),
        },
        refund: {
          details: 'Refund',
          description: null,
          state: CaseState.COMPLETED,
          caseTypeId: types[1],
          priorityId: prios[1],
          initiatorId: 'erin',
          tags: ['vip'],
          createdAt: at('2026-01-04T08:00:00.000Z'),
          dueDate: at('2026-01-05T00:00:00.000Z'),
        },
      };
      for (const [name, row] of Object.entries(rows)) named[name] = (await cb.create(row)).id;
    });

    const expectIds = (...names: string[]) => names.map((n) => named[n]);

    it('by state, one or several (repeated or comma separated)', async () => {
      expect(await get('state=NEW')).toEqual(expectIds('printer'));
      expect(await get('state=NEW&state=COMPLETED')).toEqual(expectIds('refund', 'printer'));
      expect(await get('state=OPENED,IN_PROCESS')).toEqual(expectIds('access', 'toner'));
      expect(await get('state=ON_HOLD')).toEqual([]);
    });

    it('by case type, priority, initiator, assignee, group and tag', async () => {
      expect(await get(`caseTypeId=${types[1]}`)).toEqual(expectIds('refund', 'access'));
      expect(await get(`priorityId=${prios[1]}`)).toEqual(expectIds('refund', 'toner'));
      expect(await get('initiatorId=carol')).toEqual(expectIds('access', 'printer'));
      expect(await get('assignedToUser=bob')).toEqual(expectIds('printer'));
      expect(await get('assignedToUser=erin')).toEqual(expectIds('access'));
      expect(await get('assignedToGroup=desk')).toEqual(expectIds('access', 'toner'));
      expect(await get('assignedToGroup=network')).toEqual(expectIds('access'));
      expect(await get('tag=vip')).toEqual(expectIds('refund', 'printer'));
      expect(await get('tag=hardware')).toEqual(expectIds('toner', 'printer'));
      expect(await get('tag=nope')).toEqual([]);
    });

    it('by full text over details and description, with web-search syntax', async () => {
      expect(await get('q=printer')).toEqual(expectIds('toner', 'printer'));
      expect(await get('q=PAPER')).toEqual(expectIds('access', 'printer'));
      expect(await get('q=refund')).toEqual(expectIds('refund'));
      expect(await get(`q=${encodeURIComponent('printer -toner')}`)).toEqual(expectIds('printer'));
      expect(await get(`q=${encodeURIComponent('"paper archive"')}`)).toEqual(expectIds('access'));
      expect(await get(`q=${encodeURIComponent('toner or vpn')}`)).toEqual(
        expectIds('access', 'toner'),
      );
      expect(await get(`q=${encodeURIComponent('!!! &')}`)).toEqual([]);
    });

    it('by creation window (inclusive) and due date (strictly before)', async () => {
      expect(await get('createdFrom=2026-01-02T08:00:00.000Z')).toEqual(
        expectIds('refund', 'access', 'toner'),
      );
      expect(await get('createdTo=2026-01-02T08:00:00Z')).toEqual(expectIds('toner', 'printer'));
      expect(await get('createdFrom=2026-01-02&createdTo=2026-01-03T08:00:00.000Z')).toEqual(
        expectIds('access', 'toner'),
      );
      expect(await get(`createdFrom=${encodeURIComponent('2026-01-03T09:00:00+01:00')}`)).toEqual(
        expectIds('refund', 'access'),
      );
      expect(await get('createdFrom=2026-01-03T08:00')).toEqual(expectIds('refund', 'access'));
      expect(await get('dueBefore=2026-01-05T00:00:00.000Z')).toEqual(expectIds('printer'));
      expect(await get('dueBefore=2026-01-05T00:00:00.001Z')).toEqual(
        expectIds('refund', 'printer'),
      );
      expect(await get('dueBefore=2030-01-01')).toEqual(expectIds('refund', 'toner', 'printer'));
    });

    it('combine with each other and with every view', async () => {
      expect(await get(`state=NEW,OPENED&caseTypeId=${types[0]}&tag=vip&q=paper`)).toEqual(
        expectIds('printer'),
      );
      const as = (user: string, permission: Permission, groups: string[] = []) =>
        bearer({ tenant: cb.tenant, user, permissions: [permission], groups });
      expect(
        await ids('/assigned?tag=hardware', as('bob', Permission.CASE_VIEW_ASSIGNED, ['desk'])),
      ).toEqual(expectIds('toner', 'printer'));
      expect(
        await ids('/assigned?state=IN_PROCESS', as('bob', Permission.CASE_VIEW_ASSIGNED, ['desk'])),
      ).toEqual(expectIds('access'));
      expect(await ids('/mine?q=vpn', as('carol', Permission.CASE_VIEW_MINE))).toEqual(
        expectIds('access'),
      );
      expect(await ids('/mine?state=NEW', as('carol', Permission.CASE_VIEW_MINE))).toEqual(
        expectIds('printer'),
      );
      expect(await ids('/unassigned', as('zed', Permission.CASE_VIEW_UNASSIGNED))).toEqual(
        expectIds('refund'),
      );
      expect(
        await ids('/unassigned?state=NEW', as('zed', Permission.CASE_VIEW_UNASSIGNED)),
      ).toEqual([]);
    });
  });

  describe('sorting and pagination', () => {
    it('sorts by createdAt newest first, ties broken by id, paging through ties', async () => {
      const b = builder();
      const same = new Date('2026-01-01T12:00:00.000Z');
      const tied = await Promise.all([1, 2, 3, 4, 5].map(() => b.create({ createdAt: same })));
      const newest = await b.create({ createdAt: new Date('2026-01-02T00:00:00.000Z') });
      const expected = [
        newest.id,
        ...tied
          .map((c) => c.id)
          .sort()
          .reverse(),
      ];
      expect(await ids('', admin(b.tenant))).toEqual(expected);
      expect(await ids('?sort=createdAt', admin(b.tenant))).toEqual(expected);
      const pages = await pageThrough('?limit=2', admin(b.tenant));
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
      expect(pages.flat()).toEqual(expected);
    });

    it('sorts by dueDate soonest first with undated cases last, across pages', async () => {
      const b = builder();
      const due = (iso: string | null) => b.create({ dueDate: iso ? new Date(iso) : null });
      const late = await due('2026-03-01T00:00:00.000Z');
      const undated = [await due(null), await due(null), await due(null)];
      const soon = await due('2026-01-10T00:00:00.000Z');
      const tie = [await due('2026-02-01T00:00:00.000Z'), await due('2026-02-01T00:00:00.000Z')];
      const expected = [
        soon.id,
        ...tie.map((c) => c.id).sort(),
        late.id,
        ...undated.map((c) => c.id).sort(),
      ];
      expect(await ids('?sort=dueDate', admin(b.tenant))).toEqual(expected);
      for (const limit of [1, 2, 4]) {
        const pages = await pageThrough(`?sort=dueDate&limit=${limit}`, admin(b.tenant));
        expect(pages.flat()).toEqual(expected);
      }
    });

    it('sorts by priority most urgent (lowest level) first with unprioritised cases last', async () => {
      const b = builder();
      const [urgent, normal] = [await b.priority(1), await b.priority(3)];
      const none = [await b.create(), await b.create()];
      const n = [await b.create({ priorityId: normal }), await b.create({ priorityId: normal })];
      const u = await b.create({ priorityId: urgent });
      const expected = [u.id, ...n.map((c) => c.id).sort(), ...none.map((c) => c.id).sort()];
      expect(await ids('?sort=priority', admin(b.tenant))).toEqual(expected);
      const pages = await pageThrough('?sort=priority&limit=2', admin(b.tenant));
      expect(pages.flat()).toEqual(expected);
      expect(await ids(`?sort=priority&priorityId=${normal}`, admin(b.tenant))).toEqual(
        n.map((c) => c.id).sort(),
      );
    });

    it('stays stable while cases are created between pages: no duplicates, nothing skipped', async () => {
      const b = builder();
      const existing: string[] = [];
      for (let i = 0; i < 7; i++) existing.push((await b.create()).id);
      const tiedWith = await b.create({ createdAt: new Date('2026-01-01T00:03:00.000Z') });
      existing.push(tiedWith.id);
      const inserted: string[] = [];
      const pages = await pageThrough('?limit=2', admin(b.tenant), async () => {
        inserted.push((await b.create()).id);
        inserted.push((await b.create({ createdAt: new Date('2026-01-01T00:03:00.000Z') })).id);
      });
      const seen = pages.flat();
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => existing.includes(id)).sort()).toEqual([...existing].sort());
      const preexistingOrder = seen.filter((id) => existing.includes(id));
      const before = await ids('', admin(b.tenant));
      expect(preexistingOrder).toEqual(before.filter((id) => existing.includes(id)));
      expect(seen.filter((id) => inserted.includes(id)).length).toBeLessThan(inserted.length);
    });

    it('pages the same way in the dueDate order while cases are created', async () => {
      const b = builder();
      const existing: string[] = [];
      for (let i = 0; i < 6; i++) {
        const dueDate = i % 3 === 0 ? null : new Date(Date.UTC(2026, 1, 1 + i));
        existing.push((await b.create({ dueDate })).id);
      }
      const pages = await pageThrough('?sort=dueDate&limit=2', admin(b.tenant), () =>
        b.create({ dueDate: new Date('2026-01-15T00:00:00.000Z') }),
      );
      const seen = pages.flat();
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => existing.includes(id)).length).toBe(existing.length);
    });
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
          'sort',
        ].sort(),
      );
      expect(params.state.items?.enum).toEqual(Object.values(CaseState));
      expect(params.sort.enum).toEqual(['createdAt', 'dueDate', 'priority']);
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
