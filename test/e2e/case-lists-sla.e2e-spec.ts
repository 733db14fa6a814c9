import { Permission } from '../../src/shared/auth/permission.enum';
import { createCase } from '../support/builders/case-lifecycle.builder';
import { DefinitionsBuilder } from '../support/builders/definitions.builder';
import { caseListHelpers, Listed } from '../support/case-lists';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const SLA = { name: 'Resolution', warnAfterMinutes: 15, breachAfterMinutes: 60 };
const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000).toISOString();
const byId = (ids: string[]) => [...ids].sort();

/**
 * `slaStatus=` and `sort=slaDueAt` on every case list and on saved views, over the summary the
 * SLA module keeps on the case (cases.sla_status, cases.sla_due_at).
 */
describe('Case lists: SLA status and due (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(() => t.clock.set(TEST_START));
  afterAll(() => t.close());

  const { builder, ids, list, pageThrough } = caseListHelpers(() => t);

  it('follows the SLA clocks and marks: due at the breach owed, at-risk once warned, breached once violated', async () => {
    const tenant = newTenant();
    const admin = bearer({ tenant });
    const defs = new DefinitionsBuilder(t.dataSource, tenant);
    const slaType = await defs.caseType({ slas: [SLA] });
    const plainType = await defs.caseType({});
    const created: string[] = [];
    for (let i = 0; i < 3; i++) {
      created.push((await createCase(t, tenant, { caseTypeId: slaType.id })).id);
      t.clock.advanceMinutes(1);
    }
    const [a, b, c] = created;
    const none = (await createCase(t, tenant, { caseTypeId: plainType.id })).id;
    const get = (query: string) => ids(`?${query}`, admin);

    const first = await list(`/${a}`, admin).expect(200);
    expect(first.body.data).toMatchObject({ slaStatus: null, slaDueAt: at(60) });
    expect(await get('sort=slaDueAt')).toEqual([a, b, c, none]);
    expect(await get('slaStatus=at-risk')).toEqual([]);

    // Minute 16.5: a and b warned (warn at 15 and 16), c not yet (17).
    t.clock.set(new Date(Date.parse(at(16.5))));
    await t.http.post('/api/v1/jobs/sla-check').set(admin).send({}).expect(200);
    expect(await get('slaStatus=at-risk')).toEqual([b, a]);

    // Minute 60.5: a violated (owes nothing more), b and c warned.
    t.clock.set(new Date(Date.parse(at(60.5))));
    await t.http.post('/api/v1/jobs/sla-check').set(admin).send({}).expect(200);
    expect(await get('slaStatus=breached')).toEqual([a]);
    expect(await get('slaStatus=at-risk')).toEqual([c, b]);
    expect(await get('slaStatus=at-risk,breached')).toEqual([c, b, a]);
    expect(await get('slaStatus=breached&slaStatus=at-risk&sort=slaDueAt')).toEqual([b, c, a]);
    const sorted = await get('sort=slaDueAt');
    expect(sorted.slice(0, 2)).toEqual([b, c]);
    expect(sorted.slice(2)).toEqual(byId([a, none]));
    const res = await list(`?slaStatus=breached`, admin).expect(200);
    expect(res.body.data[0]).toMatchObject({ id: a, slaStatus: 'breached', slaDueAt: null });
  });

  describe('paging and the other lists', () => {
    const tenant = newTenant();
    const admin = bearer({ tenant, user: 'alice', groups: ['desk'] });
    /** name → [status, due minute] of the row-built cases. */
    const rows: Record<string, [string | null, number | null]> = {
      p: ['at-risk', 30],
      q: ['at-risk', 10],
      r: ['breached', null],
      s: [null, 20],
      u: ['met', null],
      v: [null, null],
      w: ['breached', 40],
      x: [null, 10],
    };
    const id: Record<string, string> = {};

    beforeAll(async () => {
      const cb = builder(tenant);
      for (const [name, [status, due]] of Object.entries(rows)) {
        const assigned = name < 's' ? { assignedToGroups: ['desk'] } : {};
        id[name] = (await cb.create({ initiatorId: name < 'u' ? 'alice' : 'zed', ...assigned })).id;
        await t.dataSource.query(
          `UPDATE cases SET sla_status = $2, sla_due_at = $3 WHERE id = $1`,
          [id[name], status, due === null ? null : at(due)],
        );
      }
    });

    /** Due soonest first, ties and cases owing no breach by id, those last. */
    const expected = (names: string[]) => {
      const due = (n: string) => rows[n][1] ?? Infinity;
      return [...names]
        .sort((m, n) => due(m) - due(n) || (id[m] < id[n] ? -1 : 1))
        .map((n) => id[n]);
    };

    it('pages sort=slaDueAt by cursor across the nulls, one or two rows a page', async () => {
      const all = Object.keys(rows);
      for (const limit of [1, 2, 3]) {
        const pages = await pageThrough(`?sort=slaDueAt&limit=${limit}`, admin);
        expect(pages.flat()).toEqual(expected(all));
      }
      const risky = await pageThrough(`?sort=slaDueAt&slaStatus=at-risk,breached&limit=1`, admin);
      expect(risky.flat()).toEqual(expected(['p', 'q', 'r', 'w']));
      expect((await pageThrough('?slaStatus=met&limit=1', admin)).flat()).toEqual([id.u]);
    });

    it('works on /assigned, /mine and /unassigned with their own visibility', async () => {
      expect(await ids('/assigned?sort=slaDueAt', admin)).toEqual(expected(['p', 'q', 'r']));
      expect(await ids('/assigned?slaStatus=at-risk', admin)).toEqual([id.q, id.p]);
      expect(await ids('/mine?sort=slaDueAt&slaStatus=breached', admin)).toEqual([id.r]);
      expect(await ids('/unassigned?sort=slaDueAt', admin)).toEqual(
        expected(['s', 'u', 'v', 'w', 'x']),
      );
      const mineOnly = bearer({ tenant, user: 'zed', permissions: [Permission.CASE_VIEW_MINE] });
      expect(await ids('/mine?slaStatus=met', mineOnly)).toEqual([id.u]);
    });

    it('refuses other statuses, sorts and a cursor of another sort (400, coded)', async () => {
      for (const query of ['slaStatus=late', 'slaStatus=met,late', 'sort=-slaDueAt', 'sort=sla']) {
        const res = await list(`?${query}`, admin);
        expect({ query, status: res.status, code: res.body.code }).toEqual({
          query,
          status: 400,
          code: 'CASE4000',
        });
      }
      const res = await list('?slaStatus=late', admin);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'slaStatus' })]);
      const due = await list('?sort=dueDate&limit=1', admin).expect(200);
      const wrong = await list(
        `?sort=slaDueAt&cursor=${due.body.page.nextCursor as string}`,
        admin,
      );
      expect([wrong.status, wrong.body.code]).toEqual([400, 'CASE4002']);
    });

    it('saved views store and run slaStatus and slaDueAt, and refuse a bad status', async () => {
      const saved = await t.http
        .post('/api/v1/views')
        .set(admin)
        .send({
          name: 'Risky',
          list: 'all',
          filters: { slaStatus: ['at-risk', 'breached'] },
          sort: 'slaDueAt',
        })
        .expect(201);
      const ran = await t.http
        .get(`/api/v1/views/${saved.body.data.id as string}/cases`)
        .set(admin);
      expect(ran.status).toBe(200);
      expect((ran.body.data as Listed[]).map((c) => c.id)).toEqual(expected(['p', 'q', 'r', 'w']));
      const bad = await t.http
        .post('/api/v1/views')
        .set(admin)
        .send({ name: 'Bad', list: 'all', filters: { slaStatus: 'late' } });
      expect([bad.status, bad.body.code, bad.body.details?.[0]?.field]).toEqual([
        400,
        'CASE4000',
        'filters.slaStatus',
      ]);
    });
  });
});
