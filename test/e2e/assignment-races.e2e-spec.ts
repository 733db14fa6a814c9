import { assignmentKit } from '../support/assignment';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';

// Real concurrency needs PostgreSQL: PGlite serves one connection at a time.
(process.env.TEST_DATABASE_URL ? describe : describe.skip)(
  'Automatic assignment races (PostgreSQL)',
  () => {
    let t: TestApp;
    const tenant = newTenant();
    let kit: ReturnType<typeof assignmentKit>;

    beforeAll(async () => {
      t = await createTestApp();
      kit = assignmentKit(t, tenant);
      for (const user of ['ra', 'rb', 'rc']) await kit.member(user, ['race']);
    });
    afterAll(() => t.close());

    it('concurrent creates and unclaims never push an agent past capacity', async () => {
      const typeId = await kit.type({ strategy: 'least-loaded', groups: ['race'], capacity: 2 });
      const held = [];
      for (let i = 0; i < 8; i++)
        held.push(await kit.create(typeId, { assignedToUsers: ['holder'] }));
      const unclaims = held.map((c) =>
        t.http.post(`/api/v1/cases/${c.id}/unclaim`).set(kit.admin).send({}),
      );
      const creates = Array.from({ length: 6 }, () => kit.create(typeId));
      const answers = await Promise.all([...unclaims, ...creates]);
      expect(answers.slice(0, 8).map((r) => (r as { status: number }).status)).toEqual(
        Array(8).fill(200),
      );
      const loads = (await t.dataSource.query(
        `SELECT u AS user_id, count(*)::int AS open FROM cases, unnest(assigned_to_users) u
        WHERE client_id = $1 AND case_type_id = $2 GROUP BY u ORDER BY u`,
        [tenant, typeId],
      )) as { user_id: string; open: number }[];
      expect(loads).toEqual([
        { user_id: 'ra', open: 2 },
        { user_id: 'rb', open: 2 },
        { user_id: 'rc', open: 2 },
      ]);
      const [skipped] = (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM case_activities
        WHERE client_id = $1 AND type = 'case.auto-assignment-skipped'`,
        [tenant],
      )) as { n: number }[];
      expect(skipped.n).toBe(14 - 6);
    });
  },
);
