import { assignmentKit } from '../support/assignment';
import { createProcess } from '../support/builders/definitions-http.builder';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('Automatic assignment (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  let kit: ReturnType<typeof assignmentKit>;
  let processId: string;

  beforeAll(async () => {
    t = await createTestApp();
    kit = assignmentKit(t, tenant);
    await kit.member('rr-ann', ['rr']);
    await kit.member('rr-bob', ['rr']);
    await kit.member('rr-cat', ['rr', 'other']);
    await kit.member('rr-dan', ['rr'], false);
    await kit.member('out-eve', ['other']);
    processId = await createProcess(t, kit.admin);
  });
  afterAll(() => t.close());

  const agentsOf = async (typeId: string, n: number) => {
    const agents: string[][] = [];
    for (let i = 0; i < n; i++) agents.push((await kit.create(typeId)).assignedToUsers);
    return agents;
  };

  describe('the rule on the case type', () => {
    it('is stored and answered; groups default to null (the type’s defaultAssignedToGroups)', async () => {
      const id = await kit.type({ strategy: 'least-loaded', capacity: 3 }, ['rr']);
      const res = await t.http.get(`/api/v1/case-types/${id}`).set(kit.admin).expect(200);
      expect(res.body.data.assignment).toEqual({
        strategy: 'least-loaded',
        groups: null,
        capacity: 3,
      });
      await t.http
        .patch(`/api/v1/case-types/${id}`)
        .set(kit.admin)
        .send({ assignment: null })
        .expect(200);
      const after = await t.http.get(`/api/v1/case-types/${id}`).set(kit.admin).expect(200);
      expect(after.body.data.assignment).toBeNull();
    });

    it.each([
      [{ strategy: 'random' }, 'assignment.strategy'],
      [{ strategy: 'round-robin', capacity: 0 }, 'assignment.capacity'],
      [{ strategy: 'round-robin', capacity: 1.5 }, 'assignment.capacity'],
      [{ strategy: 'round-robin', groups: [''] }, 'assignment.groups'],
      [{ strategy: 'round-robin', groups: [] }, 'assignment.groups'],
      [{ capacity: 2 }, 'assignment.strategy'],
    ])('refuses %j with 400 naming %s', async (assignment, field) => {
      const res = await t.http
        .post('/api/v1/case-types')
        .set(kit.admin)
        .send({
          name: 'Bad',
          code: `B${Date.now()}`,
          processId,
          assignment,
        });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.details)).toContain(field);
    });
  });

  it('round-robin rotates through the active members of the groups, skipping inactive ones', async () => {
    const typeId = await kit.type({ strategy: 'round-robin', groups: ['rr'] });
    const agents = await agentsOf(typeId, 6);
    expect(agents).toEqual([
      ['rr-ann'],
      ['rr-bob'],
      ['rr-cat'],
      ['rr-ann'],
      ['rr-bob'],
      ['rr-cat'],
    ]);
  });

  it('explains the pick in an activity entry after the creation’s own', async () => {
    const typeId = await kit.type({ strategy: 'round-robin' }, ['rr']);
    const kase = await kit.create(typeId);
    expect(kase).toMatchObject({ assignedToUsers: ['rr-ann'], version: 2 });
    const log = await kit.activities(kase.id);
    expect(log.map((a) => a.type)).toEqual(['case.created', 'case.auto-assigned']);
    expect(log[1]).toMatchObject({
      actorId: 'system',
      data: {
        trigger: 'case.created',
        strategy: 'round-robin',
        groups: ['rr'],
        capacity: null,
        assignee: 'rr-ann',
        consideredCount: 3,
        considered: [
          { userId: 'rr-ann', load: 0 },
          { userId: 'rr-bob', load: 0 },
          { userId: 'rr-cat', load: 0 },
        ],
        changes: { assignedToUsers: { old: [], new: ['rr-ann'] } },
      },
    });
  });

  it('least-loaded gives the case to the member with the fewest open cases of the type', async () => {
    const typeId = await kit.type({ strategy: 'least-loaded', groups: ['rr'] });
    await kit.create(typeId, { assignedToUsers: ['rr-ann'] });
    await kit.create(typeId, { assignedToUsers: ['rr-ann'] });
    await kit.create(typeId, { assignedToUsers: ['rr-bob'] });
    const done = await kit.create(typeId, { assignedToUsers: ['rr-cat'] });
    await t.http.post(`/api/v1/cases/${done.id}/cancel`).set(kit.admin).send({}).expect(200);
    // Loads: ann 2, bob 1, cat 0 (its case is canceled).
    expect(await agentsOf(typeId, 3)).toEqual([['rr-cat'], ['rr-bob'], ['rr-cat']]);
  });

  it('respects the capacity; a closed case frees a place; nobody free leaves the case to its groups', async () => {
    const typeId = await kit.type({ strategy: 'round-robin', groups: ['other'], capacity: 1 }, [
      'desk',
    ]);
    const [first, second] = [await kit.create(typeId), await kit.create(typeId)];
    expect([first.assignedToUsers, second.assignedToUsers]).toEqual([['out-eve'], ['rr-cat']]);
    const third = await kit.create(typeId);
    expect(third).toMatchObject({ assignedToUsers: [], version: 1 });
    const log = await kit.activities(third.id);
    expect(log.map((a) => a.type)).toEqual(['case.created', 'case.auto-assignment-skipped']);
    expect(log[1].data).toMatchObject({
      assignee: null,
      reason: 'none-eligible',
      considered: [
        { userId: 'out-eve', load: 1, skipped: 'at-capacity' },
        { userId: 'rr-cat', load: 1, skipped: 'at-capacity' },
      ],
    });
    await t.http.post(`/api/v1/cases/${first.id}/cancel`).set(kit.admin).send({}).expect(200);
    expect((await kit.create(typeId)).assignedToUsers).toEqual(['out-eve']);
  });

  it('unclaim gives the case to another member, never back to the one who let it go', async () => {
    const typeId = await kit.type({ strategy: 'least-loaded', groups: ['rr'] });
    const kase = await kit.create(typeId, { assignedToUsers: ['rr-bob'] });
    const bob = bearer({ tenant, user: 'rr-bob' });
    const res = await t.http.post(`/api/v1/cases/${kase.id}/unclaim`).set(bob).send({}).expect(200);
    expect(res.body.data.assignedToUsers).toEqual(['rr-ann']);
    const log = await kit.activities(kase.id);
    expect(log.map((a) => a.type)).toEqual([
      'case.created',
      'case.unclaimed',
      'case.auto-assigned',
    ]);
    expect(log[2].data).toMatchObject({
      trigger: 'case.unclaimed',
      considered: expect.arrayContaining([
        { userId: 'rr-bob', load: 0, skipped: 'just-unclaimed' },
      ]),
    });
  });

  it('a case transferred without an agent is assigned by its new type’s rule', async () => {
    const original = await kit.create(await kit.type(null));
    const target = await kit.type({ strategy: 'round-robin', groups: ['other'] });
    const res = await t.http
      .post(`/api/v1/cases/${original.id}/transfer`)
      .set(kit.admin)
      .send({ caseTypeId: target });
    expect(res.status).toBe(201);
    expect(res.body.data.assignedToUsers).toEqual(['out-eve']);
  });

  it('says why nobody was picked when the groups have no active member, or there are no groups', async () => {
    const empty = await kit.type({ strategy: 'round-robin', groups: ['ghosts'] });
    const a = await kit.create(empty);
    const noGroups = await kit.type({ strategy: 'least-loaded' });
    const b = await kit.create(noGroups);
    expect([a.assignedToUsers, b.assignedToUsers]).toEqual([[], []]);
    expect((await kit.activities(a.id))[1].data).toMatchObject({ reason: 'no-active-members' });
    expect((await kit.activities(b.id))[1].data).toMatchObject({ reason: 'no-groups' });
  });

  it('leaves alone cases created with an agent, and types without a rule or with `none`', async () => {
    const typeId = await kit.type({ strategy: 'round-robin', groups: ['rr'] });
    const named = await kit.create(typeId, { assignedToUsers: ['out-eve'] });
    const none = await kit.create(await kit.type({ strategy: 'none' }, ['rr']));
    const plain = await kit.create(await kit.type(null, ['rr']));
    for (const kase of [named, none, plain]) {
      expect((await kit.activities(kase.id)).map((a) => a.type)).toEqual(['case.created']);
    }
    expect(none.assignedToUsers).toEqual([]);
  });
});
