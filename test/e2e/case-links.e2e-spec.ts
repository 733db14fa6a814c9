import { Permission } from '../../src/shared/auth/permission.enum';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { caseTrail } from '../support/case-trail';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

type Headers = Record<string, string>;

describe('Case links (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  let caseTypeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseTypeId = await createCaseType(t, admin);
  });
  afterAll(() => t.close());

  const newCase = async (headers: Headers = admin, body: object = {}) => {
    const res = await t.http
      .post('/api/v1/cases')
      .set(headers)
      .send({ caseTypeId, details: 'Linked', ...body });
    expect(res.status).toBe(201);
    return res.body.data as { id: string; displayId: string };
  };
  const link = (from: string, type: string, caseId: string, headers: Headers = admin) =>
    t.http.post(`/api/v1/cases/${from}/links`).set(headers).send({ type, caseId });
  const links = async (caseRef: string, headers: Headers = admin) => {
    const res = await t.http.get(`/api/v1/cases/${caseRef}/links`).set(headers);
    expect(res.status).toBe(200);
    return (res.body.data as { type: string; caseId: string }[]).map(
      (l) => `${l.type} ${l.caseId}`,
    );
  };

  it('stores a parent link once and shows it from both cases, with activity on both', async () => {
    const [a, b] = [await newCase(), await newCase()];
    const res = await link(a.displayId, 'parent', b.id);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      code: 'CASE1400',
      message: 'Case link added successfully.',
      data: {
        id: expect.any(String),
        type: 'parent',
        caseId: b.id,
        displayId: b.displayId,
        createdBy: 'alice',
        createdAt: expect.any(String),
      },
    });
    expect(await links(a.id)).toEqual([`parent ${b.id}`]);
    expect(await links(b.displayId)).toEqual([`child ${a.id}`]);
    const [rows] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM case_links
        WHERE client_id = $1 AND $2 IN (from_case_id, to_case_id)`,
      [tenant, a.id],
    );
    expect(rows.n).toBe(1);
    for (const [caseId, type, other] of [
      [a.id, 'parent', b.id],
      [b.id, 'child', a.id],
    ]) {
      const trail = await caseTrail(t.dataSource, tenant, caseId);
      expect(trail.activities.at(-1)).toMatchObject({
        type: 'case.linked',
        actor_id: 'alice',
        data: { linkId: res.body.data.id, type, caseId: other },
      });
      expect(trail.outbox).toContain('case.linked');
    }
  });

  it('refuses a link that would make a case its own ancestor, and a parent link to itself', async () => {
    const [a, b, c] = [await newCase(), await newCase(), await newCase()];
    await link(a.id, 'parent', b.id).expect(201);
    await link(b.id, 'parent', c.id).expect(201);
    for (const [from, type, to] of [
      [c.id, 'parent', a.id],
      [b.id, 'parent', a.id],
      [a.id, 'child', c.id],
      [a.id, 'parent', a.id],
      [a.id, 'child', a.id],
    ]) {
      const res = await link(from, type, to);
      expect({ from, type, to, status: res.status, code: res.body.code }).toEqual({
        from,
        type,
        to,
        status: 409,
        code: 'CASE4709',
      });
    }
    // Siblings and cross links that close no cycle are fine.
    await link(a.id, 'parent', c.id).expect(201);
    await link(c.id, 'related', a.id).expect(201);
    const self = await link(a.id, 'related', a.id);
    expect([self.status, self.body.code]).toEqual([400, 'CASE4700']);
  });

  it('answers 409 for the same link again, asked for from either side', async () => {
    const [a, b] = [await newCase(), await newCase()];
    await link(a.id, 'related', b.id).expect(201);
    await link(a.id, 'duplicate-of', b.id).expect(201);
    await link(a.id, 'parent', b.id).expect(201);
    for (const [from, type, to] of [
      [a.id, 'related', b.id],
      [b.id, 'related', a.id],
      [a.id, 'duplicate-of', b.id],
      [b.id, 'child', a.id],
    ]) {
      const res = await link(from, type, to);
      expect([type, res.status, res.body.code]).toEqual([type, 409, 'CASE4719']);
    }
    expect((await links(b.id)).sort()).toEqual(
      [`child ${a.id}`, `duplicated-by ${a.id}`, `related ${a.id}`].sort(),
    );
  });

  it('removes a link from either case, with activity on both; a second removal is a 404', async () => {
    const [a, b] = [await newCase(), await newCase()];
    const created = await link(a.id, 'duplicate-of', b.id).expect(201);
    const linkId = created.body.data.id as string;
    const removed = await t.http.delete(`/api/v1/cases/${b.id}/links/${linkId}`).set(admin);
    expect(removed.body).toEqual({
      code: 'CASE1401',
      message: 'Case link removed successfully.',
      data: { id: linkId },
    });
    expect(await links(a.id)).toEqual([]);
    for (const id of [a.id, b.id]) {
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.activities.at(-1)).toMatchObject({ type: 'case.unlinked' });
    }
    const again = await t.http.delete(`/api/v1/cases/${a.id}/links/${linkId}`).set(admin);
    expect([again.status, again.body.code]).toEqual([404, 'CASE4704']);
    // A link of other cases is not found through this one.
    const [c, d] = [await newCase(), await newCase()];
    const other = await link(c.id, 'related', d.id).expect(201);
    const wrong = await t.http
      .delete(`/api/v1/cases/${a.id}/links/${other.body.data.id as string}`)
      .set(admin);
    expect([wrong.status, wrong.body.code]).toEqual([404, 'CASE4704']);
  });

  it('needs both cases visible, and lists only links to cases the caller can see', async () => {
    const bob = bearer({
      tenant,
      user: 'bob',
      permissions: [Permission.CASE_EDIT, Permission.CASE_VIEW_ASSIGNED],
    });
    const mine = await newCase(admin, { assignedToUsers: ['bob'] });
    const alsoMine = await newCase(admin, { assignedToUsers: ['bob'] });
    const hidden = await newCase();
    const res = await link(mine.id, 'related', hidden.id, bob);
    expect([res.status, res.body.code]).toEqual([404, 'CASE4045']);
    const fromHidden = await link(hidden.id, 'related', mine.id, bob);
    expect([fromHidden.status, fromHidden.body.code]).toEqual([404, 'CASE4045']);
    await link(mine.id, 'related', alsoMine.id, bob).expect(201);
    await link(mine.id, 'parent', hidden.id).expect(201);
    expect(await links(mine.id, bob)).toEqual([`related ${alsoMine.id}`]);
    expect(await links(mine.id)).toHaveLength(2);
  });

  it('keeps tenants apart: another tenant neither sees, links nor removes', async () => {
    const [a, b] = [await newCase(), await newCase()];
    const created = await link(a.id, 'related', b.id).expect(201);
    const stranger = bearer({ tenant: newTenant() });
    const strangerCase = await (async () => {
      const typeId = await createCaseType(t, stranger);
      const r = await t.http
        .post('/api/v1/cases')
        .set(stranger)
        .send({ caseTypeId: typeId, details: 'Elsewhere' });
      return r.body.data.id as string;
    })();
    const attempts = [
      t.http.get(`/api/v1/cases/${a.id}/links`).set(stranger),
      link(a.id, 'related', strangerCase, stranger),
      link(strangerCase, 'related', a.id, stranger),
      link(a.id, 'related', strangerCase),
      t.http.delete(`/api/v1/cases/${a.id}/links/${created.body.data.id as string}`).set(stranger),
    ];
    for (const res of await Promise.all(attempts)) {
      expect([res.status, res.body.code]).toEqual([404, 'CASE4045']);
    }
    expect(await links(a.id)).toEqual([`related ${b.id}`]);
  });

  it('lets only one of two opposite parent links through when they race', async () => {
    const [a, b] = [await newCase(), await newCase()];
    const results = await Promise.all([link(a.id, 'parent', b.id), link(b.id, 'parent', a.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('pages links with a cursor and refuses bad input with coded 400s', async () => {
    const [a, b, c] = [await newCase(), await newCase(), await newCase()];
    await link(a.id, 'related', b.id).expect(201);
    await link(a.id, 'related', c.id).expect(201);
    const first = await t.http.get(`/api/v1/cases/${a.id}/links?limit=1`).set(admin).expect(200);
    expect(first.body.data).toHaveLength(1);
    const next = await t.http
      .get(`/api/v1/cases/${a.id}/links?limit=1&cursor=${first.body.page.nextCursor as string}`)
      .set(admin)
      .expect(200);
    expect(next.body.data).toHaveLength(1);
    expect(next.body.data[0].id).not.toBe(first.body.data[0].id);
    const bad = await t.http
      .post(`/api/v1/cases/${a.id}/links`)
      .set(admin)
      .send({ type: 'sibling', caseId: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'caseId',
      'type',
    ]);
    const badId = await t.http.delete(`/api/v1/cases/${a.id}/links/nope`).set(admin);
    expect([badId.status, badId.body.code]).toEqual([400, 'CASE4003']);
  });
});
