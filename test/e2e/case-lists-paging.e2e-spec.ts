import { caseListHelpers } from '../support/case-lists';
import { createTestApp, TestApp } from '../support/test-app';

describe('Case lists: sorting and pagination (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const { builder, admin, ids, pageThrough } = caseListHelpers(() => t);

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
});
