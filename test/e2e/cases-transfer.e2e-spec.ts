import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseState } from '../../src/shared/domain/case-state';
import { createCase, moveTo } from '../support/builders/case-lifecycle.builder';
import { BuiltCaseType, DefinitionsBuilder } from '../support/builders/definitions.builder';
import { caseTrail } from '../support/case-trail';
import { expectPermissionMatrix } from '../support/permission-matrix';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

describe('POST /api/v1/cases/:id/transfer (e2e)', () => {
  let t: TestApp;
  let defs: DefinitionsBuilder;
  let source: BuiltCaseType;
  let target: BuiltCaseType;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
    defs = new DefinitionsBuilder(t.dataSource, tenant);
    source = await defs.caseType({ name: 'Incident' });
    target = await defs.caseType({
      name: 'Hardware request',
      defaultAssignedToGroups: ['hardware'],
      dueInHours: 10,
      slas: [{ name: 'Delivery', warnAfterMinutes: 60, breachAfterMinutes: 120 }],
    });
  });
  afterAll(() => t.close());

  const transfer = (ref: string, body: object, headers = admin) =>
    t.http.post(`/api/v1/cases/${ref}/transfer`).set(headers).send(body);

  it('answers 201 CASE0600 with the new case; the original is canceled and points to it', async () => {
    const original = await createCase(t, tenant, {
      caseTypeId: source.id,
      description: 'Needs a new printer',
      tags: ['printer'],
      assignedToUsers: ['bob'],
    });
    await moveTo(t, tenant, original.id, CaseState.IN_PROCESS);
    const res = await transfer(original.displayId, {
      caseTypeId: target.id,
      comment: 'Not an incident',
    });
    expect(res.status).toBe(201);
    expect(res.body.code).toBe('CASE0600');
    expect(res.body.message).toBe('Case Instance created successfully.');
    const moved = res.body.data;
    const relation = {
      caseId: original.id,
      displayId: original.displayId,
      caseTypeId: source.id,
      caseTypeName: 'Incident',
      transferredAt: TEST_START.toISOString(),
      transferredBy: 'alice',
    };
    expect(moved).toMatchObject({
      state: 'NEW',
      version: 1,
      caseTypeId: target.id,
      caseTypeName: 'Hardware request',
      details: 'Printer on fire',
      description: 'Needs a new printer',
      tags: ['printer'],
      initiatorId: 'alice',
      assignedToUsers: [],
      assignedToGroups: ['hardware'],
      caseRelation: relation,
      transferredTo: null,
    });
    expect(moved.id).not.toBe(original.id);
    expect(moved.displayId).not.toBe(original.displayId);
    expect(moved.slaInstanceIds).toHaveLength(1);

    const after = (await t.http.get(`/api/v1/cases/${original.id}`).set(admin)).body.data;
    expect(after).toMatchObject({
      state: 'CANCELED',
      version: 4,
      transferredTo: {
        caseId: moved.id,
        displayId: moved.displayId,
        caseTypeId: target.id,
        caseTypeName: 'Hardware request',
        transferredAt: TEST_START.toISOString(),
        transferredBy: 'alice',
      },
      comments: [expect.objectContaining({ text: 'Not an incident' })],
    });
    const originalTrail = await caseTrail(t.dataSource, tenant, original.id);
    expect(originalTrail.activities.at(-1)).toMatchObject({
      type: 'case.transferred',
      data: { fromState: 'IN_PROCESS', toState: 'CANCELED' },
    });
    const movedTrail = await caseTrail(t.dataSource, tenant, moved.id);
    expect(movedTrail.activities[0]).toMatchObject({
      type: 'case.created',
      data: { caseRelation: relation },
    });
    expect(movedTrail.outbox).toEqual(['case.created']);
  });

  it('can move a case out of a type that has since been deleted', async () => {
    const doomed = await defs.caseType();
    const original = await createCase(t, tenant, { caseTypeId: doomed.id });
    await t.dataSource.query(`UPDATE case_types SET deleted_at = now() WHERE id = $1`, [doomed.id]);
    const res = await transfer(original.id, { caseTypeId: target.id });
    expect(res.status).toBe(201);
    expect(res.body.data.caseRelation.caseTypeId).toBe(doomed.id);
  });

  it('refuses an unknown (404), unavailable (409) or identical (400) target, changing nothing', async () => {
    const original = await createCase(t, tenant, { caseTypeId: source.id });
    const inactive = await defs.caseType({ processActive: false });
    const foreign = await new DefinitionsBuilder(t.dataSource, newTenant()).caseType();
    const outcomes = [
      [foreign.id, 404, 'CASE4043'],
      [inactive.id, 409, 'CASE4096'],
      [source.id, 400, 'CASE4000'],
    ] as const;
    for (const [caseTypeId, status, code] of outcomes) {
      const res = await transfer(original.id, { caseTypeId });
      expect({ caseTypeId, status: res.status, code: res.body.code }).toEqual({
        caseTypeId,
        status,
        code,
      });
    }
    const trail = await caseTrail(t.dataSource, tenant, original.id);
    expect(trail.row).toMatchObject({ state: 'NEW', version: 1, transferred_to: null });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM cases WHERE client_id = $1 AND case_relation->>'caseId' = $2`,
      [tenant, original.id],
    );
    expect(n).toBe(0);
  });

  it('refuses a terminal case with 409 CASE4091 and a stale If-Match with 409 CASE4092', async () => {
    const closed = await createCase(t, tenant, { caseTypeId: source.id });
    await moveTo(t, tenant, closed.id, CaseState.COMPLETED);
    const terminal = await transfer(closed.id, { caseTypeId: target.id });
    expect(terminal.status).toBe(409);
    expect(terminal.body.details).toEqual([expect.objectContaining({ currentState: 'COMPLETED' })]);
    const open = await createCase(t, tenant, { caseTypeId: source.id });
    const stale = await transfer(open.id, { caseTypeId: target.id }).set('If-Match', '7');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CASE4092');
  });

  it('validates the body', async () => {
    const original = await createCase(t, tenant, { caseTypeId: source.id });
    const res = await transfer(original.id, { caseTypeId: 'nope', extra: 1 });
    expect(res.status).toBe(400);
    expect((res.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'caseTypeId',
      'extra',
    ]);
  });

  it('needs both CASE_CREATE and CASE_EDIT', async () => {
    const original = await createCase(t, tenant, { caseTypeId: source.id });
    await expectPermissionMatrix(t, tenant, {
      method: 'post',
      path: `/api/v1/cases/${original.id}/transfer`,
      body: { caseTypeId: target.id },
      permissions: [Permission.CASE_CREATE, Permission.CASE_EDIT],
      mode: 'all',
    });
  });
});
