import { randomUUID } from 'node:crypto';
import {
  createCaseType,
  createPriority,
  createProcess,
} from '../support/builders/definitions-http.builder';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

interface Detail {
  field: string;
  message: string;
}

const fieldsOf = (body: { details?: Detail[] }) => (body.details ?? []).map((d) => d.field).sort();

describe('Definitions: case-type configuration (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const create = (body: object, headers = admin) =>
    t.http.post('/api/v1/case-types').set(headers).send(body);
  const patch = (id: string, body: object, headers = admin) =>
    t.http.patch(`/api/v1/case-types/${id}`).set(headers).send(body);

  it('keeps SLA ids across PATCHes when the client sends them back, and revalidates', async () => {
    const id = await createCaseType(t, admin, {
      slas: [
        { name: 'A', warnAfterMinutes: 1, breachAfterMinutes: 2 },
        { name: 'B', warnAfterMinutes: 3, breachAfterMinutes: 4 },
      ],
      dueDate: { dueInHours: 10, warnBeforeHours: 2 },
      autoCloseHours: 5,
    });
    const before = (await t.http.get(`/api/v1/case-types/${id}`).set(admin)).body.data;
    const [a, b] = before.slas;

    const res = await patch(id, {
      name: 'Renamed',
      slas: [
        // targetMinutes is shown as the alias of breachAfterMinutes: a changed target sends both.
        { ...b, breachAfterMinutes: 40, targetMinutes: 40 },
        { name: 'C', warnAfterMinutes: 0, breachAfterMinutes: 0 },
      ],
      autoCloseHours: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: 'CASE0302',
      message: 'Case Type updated successfully.',
    });
    expect(res.body.data).toMatchObject({
      name: 'Renamed',
      autoCloseHours: null,
      dueDate: { dueInHours: 10, warnBeforeHours: 2 },
    });
    expect(res.body.data.slas[0]).toEqual({ ...b, breachAfterMinutes: 40, targetMinutes: 40 });
    expect(res.body.data.slas[1].id).not.toBe(a.id);
    expect(res.body.data.slas[1].id).not.toBe(b.id);

    const invalid = await patch(id, { dueDate: { dueInHours: 1, warnBeforeHours: 2 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('CASE4005');
    expect(fieldsOf(invalid.body)).toEqual(['dueDate.warnBeforeHours']);
    const cleared = await patch(id, { dueDate: null, slas: null });
    expect(cleared.body.data).toMatchObject({ dueDate: null, slas: [] });
  });

  it('rejects broken configuration rules with 400 and the fields concerned', async () => {
    const processId = await createProcess(t, admin);
    const res = await create({
      processId,
      name: 'Bad',
      code: 'BAD',
      dueDate: { dueInHours: 2, warnBeforeHours: 3 },
      slas: [{ name: 'S', warnAfterMinutes: 60, breachAfterMinutes: 30 }],
      defaultAssignedToGroups: ['ok', '   '],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4005');
    expect(fieldsOf(res.body)).toEqual([
      'defaultAssignedToGroups.1',
      'dueDate.warnBeforeHours',
      'slas.0.warnAfterMinutes',
    ]);
  });

  it('rejects malformed configuration with 400 and nested field names', async () => {
    const processId = await createProcess(t, admin);
    const res = await create({
      processId,
      name: 'Bad',
      code: 'BAD2',
      autoCloseHours: -1,
      dueDate: { dueInHours: 'soon' },
      slas: [
        { name: 'S', warnAfterMinutes: -5, breachAfterMinutes: 1.5, pauseInStates: ['NAPPING'] },
      ],
      milestones: [{ name: 'M', percent: 120, onState: 'DONE' }],
      defaultPriorityId: 'nope',
      defaultAssignedToGroups: [''],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4000');
    expect(fieldsOf(res.body)).toEqual(
      expect.arrayContaining([
        'autoCloseHours',
        'dueDate.dueInHours',
        'dueDate.warnBeforeHours',
        'slas.0.warnAfterMinutes',
        'slas.0.breachAfterMinutes',
        'slas.0.pauseInStates',
        'milestones.0.percent',
        'milestones.0.onState',
        'defaultPriorityId',
        'defaultAssignedToGroups',
      ]),
    );
  });

  it('caps default groups at what a case may be assigned, so a defaulted case stays editable', async () => {
    const processId = await createProcess(t, admin);
    const groups = (n: number) => Array.from({ length: n }, (_, i) => `g${i}`);
    const over = await create({
      processId,
      name: 'G',
      code: 'GROUPS51',
      defaultAssignedToGroups: groups(51),
    });
    expect(over.status).toBe(400);
    expect(fieldsOf(over.body)).toEqual(['defaultAssignedToGroups']);
    const at = await create({
      processId,
      name: 'G',
      code: 'GROUPS50',
      defaultAssignedToGroups: groups(50),
    });
    expect(at.status).toBe(201);
  });

  it('needs every referenced priority to be a live priority of the tenant', async () => {
    const processId = await createProcess(t, admin);
    const mine = await createPriority(t, admin);
    const deleted = await createPriority(t, admin);
    await t.http.delete(`/api/v1/priorities/${deleted}`).set(admin).expect(200);
    const foreign = await createPriority(t, bearer({ tenant: newTenant() }));
    const res = await create({
      processId,
      name: 'P',
      code: 'PRIO',
      defaultPriorityId: foreign,
      slas: [
        { name: 'ok', priorityId: mine, warnAfterMinutes: 1, breachAfterMinutes: 2 },
        { name: 'gone', priorityId: deleted, warnAfterMinutes: 1, breachAfterMinutes: 2 },
        { name: 'unknown', priorityId: randomUUID(), warnAfterMinutes: 1, breachAfterMinutes: 2 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4005');
    expect(fieldsOf(res.body)).toEqual([
      'defaultPriorityId',
      'slas.1.priorityId',
      'slas.2.priorityId',
    ]);

    const id = await createCaseType(t, admin, { processId, defaultPriorityId: mine });
    const bad = await patch(id, { defaultPriorityId: foreign });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['defaultPriorityId']);
    expect((await patch(id, { defaultPriorityId: null })).body.data.defaultPriorityId).toBeNull();
  });
});
