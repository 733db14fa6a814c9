import { CaseRowBuilder } from '../support/builders/case-rows.builder';
import { tenantCounts } from '../support/case-trail';
import { refuseInserts } from '../support/refuse-inserts';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

/**
 * A create's trailing writes (the case row, its outbox event, its activity entry) are pipelined
 * on PostgreSQL (TransactionManager.write): the command learns of their failure only when its
 * COMMIT has already gone out. Whichever of them the database refuses, the answer is the coded
 * 500 and the tenant's tables are as before, counter included; the next create succeeds.
 */
describe('POST /api/v1/cases: a refused pipelined write keeps nothing (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  let caseTypeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    caseTypeId = await new CaseRowBuilder(t.dataSource, tenant).caseType('Incident');
  });
  afterAll(() => t.close());

  const create = (details: string) =>
    t.http.post('/api/v1/cases').set(admin).send({ caseTypeId, details });

  it.each(['cases', 'outbox', 'case_activities'])(
    'an insert into %s refused: 500, and nothing of the create kept',
    async (table) => {
      await create('Before').expect(201);
      const before = await tenantCounts(t.dataSource, tenant);
      const lift = await refuseInserts(t.dataSource, table, tenant);
      try {
        const res = await create('Refused');
        expect(res.status).toBe(500);
        expect(res.body.code).toBe('CASE5000');
        expect(await tenantCounts(t.dataSource, tenant)).toEqual(before);
      } finally {
        await lift();
      }
      const after = await create('After').expect(201);
      expect(after.body.data.displayId).toBe(`CM${tenant}-${before.counter + 1}`);
    },
  );
});
