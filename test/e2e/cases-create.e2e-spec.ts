import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase } from '../support/builders/case-lifecycle.builder';
import {
  BuiltCaseType,
  BuiltPriority,
  DefinitionsBuilder,
} from '../support/builders/definitions.builder';
import { caseTrail } from '../support/case-trail';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const at = (hours: number) => new Date(TEST_START.getTime() + hours * 3_600_000).toISOString();

describe('POST /api/v1/cases (e2e)', () => {
  let t: TestApp;
  let defs: DefinitionsBuilder;
  let type: BuiltCaseType;
  let priority: BuiltPriority;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
    defs = new DefinitionsBuilder(t.dataSource, tenant);
    priority = await defs.priority({ level: 2, name: 'Normal' });
    const other = await defs.priority({ level: 1 });
    type = await defs.caseType({
      name: 'Incident',
      dueInHours: 48,
      warnBeforeHours: 4,
      defaultPriorityId: priority.id,
      defaultAssignedToGroups: ['tier-1'],
      slas: [
        { name: 'First response', warnAfterMinutes: 30, breachAfterMinutes: 60 },
        { name: 'P1 fix', priorityId: other.id, warnAfterMinutes: 5, breachAfterMinutes: 10 },
      ],
      milestones: [
        { name: 'Logged', percent: 10, onState: CaseState.NEW },
        { name: 'Done', percent: 100, onState: CaseState.RESOLVED },
      ],
    });
  });
  afterAll(() => t.close());

  const post = (body: object, headers = admin) =>
    t.http.post('/api/v1/cases').set(headers).send(body);

  it('answers 201 CASE0600 with the case, its type defaults, deadlines, SLAs and milestones', async () => {
    const res = await post({
      caseTypeId: type.id,
      details: 'Printer on fire',
      description: 'Third floor',
      tags: [' Printer ', 'printer', 'VIP'],
      watchers: ['carol', 'carol'],
      location: 'HQ',
      locationCode: 'HQ-3',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      code: 'CASE0600',
      message: 'Case Instance created successfully.',
      data: expect.any(Object),
    });
    const data = res.body.data;
    expect(data).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      displayId: expect.stringMatching(new RegExp(`^CM${tenant}-\\d+$`)),
      caseTypeId: type.id,
      caseTypeName: 'Incident',
      processName: 'Incidents',
      solutionName: 'Support',
      priorityId: priority.id,
      priority: { id: priority.id, name: 'Normal', level: 2 },
      state: 'NEW',
      stateLabel: 'New',
      details: 'Printer on fire',
      description: 'Third floor',
      initiatorId: 'alice',
      initiatorType: 'USER',
      assignedToUsers: [],
      assignedToGroups: ['tier-1'],
      location: 'HQ',
      locationCode: 'HQ-3',
      tags: ['printer', 'vip'],
      watchers: ['carol'],
      dueDate: at(48),
      dueDateWarning: at(44),
      markedDueDateWarning: false,
      markedDueDateExceeded: false,
      messageWarnedSLAs: [],
      completedPercent: 10,
      milestones: [{ name: 'Logged', percent: 10, onState: 'NEW', reachedAt: at(0) }],
      resolution: null,
      caseRelation: null,
      transferredTo: null,
      version: 1,
      createdAt: at(0),
      createdBy: 'alice',
      updatedBy: 'alice',
      comments: [],
    });
    expect(data.slaInstanceIds).toHaveLength(1);
    const [sla] = await t.dataSource.query(
      `SELECT name, warn_at, breach_at FROM sla_instances WHERE id = $1`,
      [data.slaInstanceIds[0]],
    );
    expect(sla).toEqual({
      name: 'First response',
      warn_at: new Date(at(0.5)),
      breach_at: new Date(at(1)),
    });
  });

  it('numbers the cases of each tenant CM<tenant>-1, -2, ... on its own', async () => {
    const own = newTenant();
    const ownType = await new DefinitionsBuilder(t.dataSource, own).caseType();
    const first = await createCase(t, own, { caseTypeId: ownType.id }, bearer({ tenant: own }));
    const second = await createCase(t, own, { caseTypeId: ownType.id }, bearer({ tenant: own }));
    expect([first.displayId, second.displayId]).toEqual([`CM${own}-1`, `CM${own}-2`]);
  });

  it('lets an explicit priority, assignment and due date win over the type defaults', async () => {
    const urgent = await defs.priority({ level: 0 });
    const res = await post({
      caseTypeId: type.id,
      details: 'Explicit',
      priorityId: urgent.id,
      assignedToUsers: ['bob'],
      assignedToGroups: [],
      dueDate: '2026-01-09T12:00:00.000Z',
    }).expect(201);
    expect(res.body.data).toMatchObject({
      priorityId: urgent.id,
      priority: { level: 0 },
      assignedToUsers: ['bob'],
      assignedToGroups: [],
      dueDate: '2026-01-09T12:00:00.000Z',
      dueDateWarning: '2026-01-09T08:00:00.000Z',
    });
  });

  it('answers 409 CASE4096 when the type, its process or its solution is inactive or deleted', async () => {
    for (const spec of [
      { active: false },
      { deleted: true },
      { processActive: false },
      { processDeleted: true },
      { solutionActive: false },
      { solutionDeleted: true },
    ]) {
      const blocked = await defs.caseType(spec);
      const res = await post({ caseTypeId: blocked.id, details: 'x' });
      expect({ spec, status: res.status, code: res.body.code }).toEqual({
        spec,
        status: 409,
        code: 'CASE4096',
      });
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'caseTypeId' })]);
    }
    expect(
      (
        await t.dataSource.query(`SELECT 1 FROM cases WHERE details = 'x' AND client_id = $1`, [
          tenant,
        ])
      ).length,
    ).toBe(0);
  });

  it("answers 404 CASE4043 for an unknown case type or another tenant's", async () => {
    const foreign = await new DefinitionsBuilder(t.dataSource, newTenant()).caseType();
    for (const caseTypeId of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await post({ caseTypeId, details: 'x' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('CASE4043');
    }
  });

  it('answers 400 with details on priorityId for an unknown, inactive, deleted or foreign priority', async () => {
    const candidates = [
      (await defs.priority({ active: false })).id,
      (await defs.priority({ deleted: true })).id,
      (await new DefinitionsBuilder(t.dataSource, newTenant()).priority()).id,
      '00000000-0000-4000-8000-000000000000',
    ];
    for (const priorityId of candidates) {
      const res = await post({ caseTypeId: type.id, details: 'x', priorityId });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('CASE4000');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'priorityId' })]);
    }
  });

  it('rejects invalid bodies with 400 CASE4000 and a detail per bad field', async () => {
    const res = await post({
      caseTypeId: 'nope',
      details: '   ',
      initiatorType: 'ROBOT',
      dueDate: 'tomorrow',
      tags: ['ok', 'x'.repeat(51)],
      assignedToUsers: 'bob',
      watchers: [''],
      extra: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4000');
    const fields = new Set((res.body.details as { field: string }[]).map((d) => d.field));
    expect([...fields].sort()).toEqual(
      [
        'assignedToUsers',
        'caseTypeId',
        'details',
        'dueDate',
        'extra',
        'initiatorType',
        'tags',
        'watchers',
      ].sort(),
    );
    const tooMany = await post({
      caseTypeId: type.id,
      details: 'x',
      tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details).toEqual([expect.objectContaining({ field: 'tags' })]);
    const missing = await post({});
    expect(missing.status).toBe(400);
    expect((missing.body.details as { field: string }[]).map((d) => d.field)).toEqual(
      expect.arrayContaining(['caseTypeId', 'details']),
    );
  });

  it('needs CASE_INSTANCE_PROXY_SAVE for another initiator, and logs the actor and whom for', async () => {
    const creator = bearer({ tenant, user: 'alice', permissions: [Permission.CASE_CREATE] });
    const refused = await post({ caseTypeId: type.id, details: 'x', initiatorId: 'bob' }, creator);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('CASE4032');
    const self = await post({ caseTypeId: type.id, details: 'x', initiatorId: 'alice' }, creator);
    expect(self.status).toBe(201);

    const proxy = bearer({
      tenant,
      user: 'alice',
      permissions: [Permission.CASE_CREATE, Permission.CASE_INSTANCE_PROXY_SAVE],
    });
    const res = await post(
      {
        caseTypeId: type.id,
        details: 'For a customer',
        initiatorId: 'cust-9',
        initiatorType: 'CUSTOMER',
        firstName: 'Ada',
      },
      proxy,
    );
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      initiatorId: 'cust-9',
      initiatorType: 'CUSTOMER',
      firstName: 'Ada',
      createdBy: 'alice',
    });
    const trail = await caseTrail(t.dataSource, tenant, res.body.data.id);
    expect(trail.activities[0]).toMatchObject({
      type: 'case.created',
      actor_id: 'alice',
      on_behalf_of: 'cust-9',
    });
  });

  it('answers the creator with the case even without any view permission (no comments then)', async () => {
    const creator = bearer({ tenant, user: 'dora', permissions: [Permission.CASE_CREATE] });
    const res = await post({ caseTypeId: type.id, details: 'Mine' }, creator);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ details: 'Mine', initiatorId: 'dora' });
    expect(res.body.data).not.toHaveProperty('comments');
  });

  it('enforces the permission matrix', async () => {
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: '/api/v1/cases',
      body: { caseTypeId: type.id, details: 'Matrix' },
      permissions: [Permission.CASE_CREATE],
    });
  });
});
