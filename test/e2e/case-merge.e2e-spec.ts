import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { downloadDocument, uploadDocument } from '../support/builders/documents.builder';
import { moveTo } from '../support/builders/case-lifecycle.builder';
import { caseTrail } from '../support/case-trail';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

type Headers = Record<string, string>;
type Case = Record<string, unknown> & { id: string; displayId: string; version: number };

describe('Case merge and unmerge (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  let caseTypeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseTypeId = await createCaseType(t, admin);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(TEST_START));

  const newCase = async (body: object = {}, headers: Headers = admin): Promise<Case> => {
    const res = await t.http
      .post('/api/v1/cases')
      .set(headers)
      .send({ caseTypeId, details: 'Dup', ...body });
    expect(res.status).toBe(201);
    return res.body.data as Case;
  };
  const get = async (ref: string, headers: Headers = admin): Promise<Case> =>
    (await t.http.get(`/api/v1/cases/${ref}`).set(headers).expect(200)).body.data as Case;
  const merge = (ref: string, intoCaseId: string, headers: Headers = admin) =>
    t.http.post(`/api/v1/cases/${ref}/merge`).set(headers).send({ intoCaseId });
  const unmerge = (ref: string, headers: Headers = admin) =>
    t.http.post(`/api/v1/cases/${ref}/unmerge`).set(headers).send({});
  const comment = (id: string, text: string) =>
    t.http.post(`/api/v1/cases/${id}/comments`).set(admin).send({ text }).expect(201);
  const attach = async (id: string, name: string) => {
    const file = { filename: name, contentType: 'text/plain', content: `bytes of ${name}` };
    const res = await uploadDocument(t, admin, id, [file]);
    expect(res.status).toBe(201);
    return res.body.data.id as string;
  };
  const texts = (c: Case) => (c.comments as { text: string }[]).map((x) => x.text);
  const docNames = (c: Case) => (c.documents as { name: string }[]).map((d) => d.name);
  const codeOf = (res: { status: number; body: { code?: string } }) => [res.status, res.body.code];

  it('moves comments, documents, tags and watchers, cancels the source and links both', async () => {
    const a = await newCase({ tags: ['printer', 'vip'], watchers: ['carol', 'dave'] });
    const b = await newCase({ tags: ['vip'], watchers: ['dave'] });
    await comment(a.id, 'on a');
    await comment(b.id, 'on b');
    const docId = await attach(a.id, 'a.txt');
    const res = await merge(a.displayId, b.id);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${String(res.body.data.version)}"`);
    expect(res.body).toMatchObject({
      code: 'CASE1640',
      message: 'Case merged successfully.',
      data: {
        id: a.id,
        state: 'CANCELED',
        mergedInto: b.id,
        tags: [],
        watchers: [],
        comments: [],
        documents: [],
        links: [
          { id: expect.any(String), type: 'duplicate-of', caseId: b.id, displayId: b.displayId },
        ],
      },
    });
    const target = await get(b.id);
    expect(target).toMatchObject({
      state: 'NEW',
      mergedInto: null,
      tags: ['vip', 'printer'],
      watchers: ['dave', 'carol'],
      links: [{ type: 'duplicated-by', caseId: a.id, displayId: a.displayId }],
    });
    expect(texts(target).sort()).toEqual(['on a', 'on b']);
    expect(docNames(target)).toEqual(['a.txt']);
    const download = await downloadDocument(t, admin, b.id, docId);
    expect([download.status, String(download.body)]).toEqual([200, 'bytes of a.txt']);
    const [sourceTrail, targetTrail] = [
      await caseTrail(t.dataSource, tenant, a.id),
      await caseTrail(t.dataSource, tenant, b.id),
    ];
    const common = { sourceCaseId: a.id, targetCaseId: b.id, documentIds: [docId] };
    expect(sourceTrail.activities.slice(-2)).toMatchObject([
      { type: 'case.linked', data: { type: 'duplicate-of', caseId: b.id } },
      {
        type: 'case.merged',
        actor_id: 'alice',
        data: { ...common, fromState: 'NEW', toState: 'CANCELED', tags: ['printer', 'vip'] },
      },
    ]);
    expect(targetTrail.activities.at(-1)).toMatchObject({
      type: 'case.merged',
      data: { ...common, tags: ['printer'], watchers: ['carol'] },
    });
    for (const trail of [sourceTrail, targetTrail]) expect(trail.outbox).toContain('case.merged');
    const rows = await t.dataSource.query(
      `SELECT added_tags, comment_ids FROM case_merges WHERE client_id = $1 AND source_case_id = $2`,
      [tenant, a.id],
    );
    expect(rows).toEqual([{ added_tags: ['printer'], comment_ids: [expect.any(String)] }]);
  });

  it('unmerge gives back exactly what moved, even after later work on the target', async () => {
    const a = await newCase({ tags: ['x'], watchers: ['w1'] });
    await moveTo(t, tenant, a.id, CaseState.ON_HOLD);
    const b = await newCase();
    await comment(a.id, 'from a');
    await attach(a.id, 'a.txt');
    await comment(b.id, 'b first');
    const before = await get(a.id);
    await merge(a.id, b.id).expect(200);
    await comment(b.id, 'later on b');
    await attach(b.id, 'later.txt');
    await t.http
      .post(`/api/v1/cases/${b.id}/tags`)
      .set(admin)
      .send({ tags: ['later'] });
    await t.http.post(`/api/v1/cases/${b.id}/watchers`).set(admin).send({ userId: 'w2' });
    const res = await unmerge(a.displayId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'CASE1641', data: { id: a.id } });
    const { version, ...restored } = res.body.data as Case;
    const { version: v0, ...original } = before;
    expect(version).toBe(v0 + 2);
    expect(restored).toEqual(original);
    const target = await get(b.id);
    expect(target).toMatchObject({ tags: ['later'], watchers: ['w2'], links: [] });
    expect(texts(target).sort()).toEqual(['b first', 'later on b']);
    expect(docNames(target)).toEqual(['later.txt']);
    for (const id of [a.id, b.id]) {
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.activities.slice(-2).map((x) => x.type)).toEqual([
        'case.unlinked',
        'case.unmerged',
      ]);
    }
    expect(codeOf(await unmerge(a.id))).toEqual([409, 'CASE4623']);
    // The same case merges and is undone again: only the latest merge counts.
    await merge(a.id, b.id).expect(200);
    await unmerge(a.id).expect(200);
    expect((await get(a.id)).state).toBe('ON_HOLD');
  });

  it('refuses merges by the rules of both cases with coded 4xx, writing nothing', async () => {
    const [a, b, c] = [await newCase(), await newCase(), await newCase()];
    expect(codeOf(await merge(a.displayId, a.id))).toEqual([400, 'CASE4620']);
    const closed = await newCase();
    await moveTo(t, tenant, closed.id, CaseState.COMPLETED);
    const canceled = await newCase();
    await moveTo(t, tenant, canceled.id, CaseState.CANCELED);
    expect(codeOf(await merge(a.id, closed.id))).toEqual([409, 'CASE4622']);
    expect(codeOf(await merge(a.id, canceled.id))).toEqual([409, 'CASE4622']);
    expect(codeOf(await merge(closed.id, a.id))).toEqual([409, 'CASE4091']);
    await merge(a.id, b.id).expect(200);
    expect(codeOf(await merge(a.id, c.id))).toEqual([409, 'CASE4621']);
    expect(codeOf(await merge(c.id, a.id))).toEqual([409, 'CASE4622']);
    const stale = await t.http
      .post(`/api/v1/cases/${c.id}/merge`)
      .set(admin)
      .set('If-Match', '"7"')
      .send({ intoCaseId: b.id });
    expect(codeOf(stale)).toEqual([409, 'CASE4092']);
    expect(codeOf(await unmerge(c.id))).toEqual([409, 'CASE4623']);
    const bad = await t.http.post(`/api/v1/cases/${c.id}/merge`).set(admin).send({});
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['intoCaseId']);
    expect(codeOf(await merge(c.id, '00000000-0000-4000-8000-000000000000'))).toEqual([
      404,
      'CASE4045',
    ]);
    expect((await get(c.id)).version).toBe(1);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM case_merges WHERE client_id = $1 AND source_case_id = $2`,
      [tenant, c.id],
    );
    expect(n).toBe(0);
  });

  it('undoes a merge for 30 days only', async () => {
    const [a, b, c, d] = [await newCase(), await newCase(), await newCase(), await newCase()];
    await merge(a.id, b.id).expect(200);
    await merge(c.id, d.id).expect(200);
    t.clock.advanceMinutes(30 * 24 * 60);
    await unmerge(a.id).expect(200);
    t.clock.advanceMinutes(1);
    expect(codeOf(await unmerge(c.id))).toEqual([409, 'CASE4624']);
    expect((await get(c.id)).mergedInto).toBe(d.id);
  });

  it('undoes merges in reverse: a target merged on must be unmerged first', async () => {
    const [a, b, c] = [await newCase(), await newCase(), await newCase()];
    await comment(a.id, 'from a');
    await merge(a.id, b.id).expect(200);
    await merge(b.id, c.id).expect(200);
    expect(texts(await get(c.id))).toEqual(['from a']);
    expect(codeOf(await unmerge(a.id))).toEqual([409, 'CASE4625']);
    await unmerge(b.id).expect(200);
    await unmerge(a.id).expect(200);
    expect(texts(await get(a.id))).toEqual(['from a']);
  });

  it('lets one of two racing merges of the same cases through', async () => {
    const [a, b, c] = [await newCase(), await newCase(), await newCase()];
    await comment(a.id, 'from a');
    const one = await Promise.all([merge(a.id, b.id), merge(a.id, c.id)]);
    expect(one.map((r) => r.status).sort()).toEqual([200, 409]);
    const onTargets = [...texts(await get(b.id)), ...texts(await get(c.id))];
    expect(onTargets).toEqual(['from a']);
    const [d, e] = [await newCase(), await newCase()];
    const crossed = await Promise.all([merge(d.id, e.id), merge(e.id, d.id)]);
    expect(crossed.map((r) => r.status).sort()).toEqual([200, 409]);
    const undos = await Promise.all([unmerge(a.id), unmerge(a.id)]);
    expect(undos.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(texts(await get(a.id))).toEqual(['from a']);
  });

  it('shows links on the case only to cases the caller can see, and not in lists', async () => {
    const bob = bearer({
      tenant,
      user: 'bob',
      permissions: [Permission.CASE_EDIT, Permission.CASE_VIEW_ASSIGNED],
    });
    const mine = await newCase({ assignedToUsers: ['bob'] });
    const alsoMine = await newCase({ assignedToUsers: ['bob'] });
    const hidden = await newCase();
    for (const [type, other] of [
      ['related', alsoMine.id],
      ['parent', hidden.id],
    ]) {
      const body = { type, caseId: other };
      await t.http.post(`/api/v1/cases/${mine.id}/links`).set(admin).send(body).expect(201);
    }
    expect((await get(mine.id, bob)).links).toEqual([
      {
        id: expect.any(String),
        type: 'related',
        caseId: alsoMine.id,
        displayId: alsoMine.displayId,
      },
    ]);
    expect((await get(mine.id)).links).toHaveLength(2);
    expect(codeOf(await merge(mine.id, hidden.id, bob))).toEqual([404, 'CASE4045']);
    const list = await t.http.get('/api/v1/cases?limit=5').set(admin).expect(200);
    for (const item of list.body.data as object[]) expect(item).not.toHaveProperty('links');
  });

  it('keeps tenants apart', async () => {
    const stranger = bearer({ tenant: newTenant() });
    const [a, b] = [await newCase(), await newCase()];
    const typeId = await createCaseType(t, stranger);
    const own = await t.http
      .post('/api/v1/cases')
      .set(stranger)
      .send({ caseTypeId: typeId, details: 'Elsewhere' })
      .expect(201);
    const ownId = own.body.data.id as string;
    for (const res of [
      await merge(a.id, b.id, stranger),
      await merge(ownId, a.id, stranger),
      await merge(a.id, ownId),
      await unmerge(a.id, stranger),
    ]) {
      expect(codeOf(res)).toEqual([404, 'CASE4045']);
    }
    await merge(a.id, b.id).expect(200);
    expect(codeOf(await unmerge(a.id, stranger))).toEqual([404, 'CASE4045']);
    expect((await get(a.id)).mergedInto).toBe(b.id);
  });
});
