import {
  createCaseType,
  createProcess,
  createSolution,
} from '../../../../test/support/builders/definitions-http.builder';
import { createHttpTestModule, TestApp } from '../../../../test/support/test-module';
import { DefinitionsModule } from '../definitions.module';
import { newTenant } from '../../../../test/support/test-env';
import { bearer } from '../../../../test/support/tokens';
import { randomUUID } from 'node:crypto';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseState } from '../../../shared/domain/case-state';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { CaseStatusLabels } from '../case-status-labels';
import { CaseTypeCatalog } from '../case-type-catalog';

describe('CaseTypeCatalog and CaseStatusLabels (integration)', () => {
  let t: TestApp;
  let catalog: CaseTypeCatalog;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createHttpTestModule([DefinitionsModule]);
    catalog = t.app.get(CaseTypeCatalog);
  });
  afterAll(() => t.close());

  const patch = (path: string, body: object) =>
    t.http.patch(path).set(admin).send(body).expect(200);

  it('gives a usable case type with its configuration and names', async () => {
    const solutionId = await createSolution(t, admin, { name: 'Desk' });
    const processId = await createProcess(t, admin, { solutionId, name: 'Incidents' });
    const id = await createCaseType(t, admin, {
      processId,
      name: 'Outage',
      code: 'OUT',
      autoCloseHours: 12,
      dueDate: { dueInHours: 8, warnBeforeHours: 1 },
      slas: [
        { name: 'R', warnAfterMinutes: 5, breachAfterMinutes: 10, pauseInStates: ['ON_HOLD'] },
      ],
      milestones: [{ name: 'M', percent: 50, onState: 'IN_PROCESS' }],
      defaultAssignedToGroups: ['ops'],
    });
    const found = await catalog.findForNewCase(tenant, id);
    expect(found).toMatchObject({
      id,
      name: 'Outage',
      code: 'OUT',
      processId,
      processName: 'Incidents',
      solutionId,
      solutionName: 'Desk',
      active: true,
      deleted: false,
      available: true,
      autoCloseHours: 12,
      dueDate: { dueInHours: 8, warnBeforeHours: 1 },
      slas: [
        {
          id: expect.any(String),
          name: 'R',
          priorityId: null,
          warnAfterMinutes: 5,
          breachAfterMinutes: 10,
          pauseInStates: [CaseState.ON_HOLD],
        },
      ],
      milestones: [{ name: 'M', percent: 50, onState: CaseState.IN_PROCESS }],
      defaultPriorityId: null,
      defaultAssignedToGroups: ['ops'],
    });
  });

  it('refuses new cases when the type, its process or its solution is inactive (409 CASE4096)', async () => {
    const solutionId = await createSolution(t, admin);
    const processId = await createProcess(t, admin, { solutionId });
    const id = await createCaseType(t, admin, { processId });
    const unavailable = expect.objectContaining({ code: ErrorCode.DefinitionUnavailable });

    for (const path of [
      `/api/v1/case-types/${id}`,
      `/api/v1/processes/${processId}`,
      `/api/v1/solutions/${solutionId}`,
    ]) {
      await patch(path, { active: false });
      await expect(catalog.findForNewCase(tenant, id)).rejects.toEqual(unavailable);
      await expect(catalog.findAny(tenant, id)).resolves.toMatchObject({ available: false });
      await patch(path, { active: true });
      await expect(catalog.findForNewCase(tenant, id)).resolves.toMatchObject({ available: true });
    }
  });

  it('refuses new cases of a deleted type but still shows it for reading', async () => {
    const solutionId = await createSolution(t, admin);
    const id = await createCaseType(t, admin, {
      processId: await createProcess(t, admin, { solutionId }),
      name: 'Old type',
    });
    await t.http.delete(`/api/v1/solutions/${solutionId}`).set(admin).expect(200);
    await expect(catalog.findForNewCase(tenant, id)).rejects.toEqual(
      expect.objectContaining({ code: ErrorCode.DefinitionUnavailable }),
    );
    await expect(catalog.findAny(tenant, id)).resolves.toMatchObject({
      id,
      name: 'Old type',
      deleted: true,
      available: false,
    });
  });

  it('locks the type, its process and its solution inside a transaction', async () => {
    const id = await createCaseType(t, admin);
    const tx = t.app.get(TransactionManager);
    const [found, locks] = await tx.run(async () => [
      await catalog.findForNewCase(tenant, id),
      await tx.query<{ relation: string }>(
        `SELECT c.relname AS relation FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE l.pid = pg_backend_pid() AND l.mode = 'RowShareLock'`,
      ),
    ]);
    expect((found as { id: string }).id).toBe(id);
    expect((locks as { relation: string }[]).map((l) => l.relation).sort()).toEqual(
      expect.arrayContaining(['case_types', 'processes', 'solutions']),
    );
  });

  it("answers 404 CASE4043 for an unknown or another tenant's type", async () => {
    const id = await createCaseType(t, admin);
    const notFound = expect.objectContaining({ code: ErrorCode.CaseTypeNotFound });
    await expect(catalog.findForNewCase(newTenant(), id)).rejects.toEqual(notFound);
    await expect(catalog.findAny(newTenant(), id)).rejects.toEqual(notFound);
    await expect(catalog.findAny(tenant, randomUUID())).rejects.toEqual(notFound);
  });

  it("gives a tenant's state labels, defaults where not relabelled", async () => {
    await t.http
      .put('/api/v1/case-statuses/RESOLVED')
      .set(admin)
      .send({ label: 'Fixed' })
      .expect(200);
    const labels = await t.app.get(CaseStatusLabels).labelsFor(tenant);
    expect(labels[CaseState.RESOLVED]).toBe('Fixed');
    expect(labels[CaseState.NEW]).toBe('New');
    expect(Object.keys(labels)).toHaveLength(9);
    expect((await t.app.get(CaseStatusLabels).labelsFor(newTenant()))[CaseState.RESOLVED]).toBe(
      'Resolved',
    );
  });
});
