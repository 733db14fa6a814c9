import { CaseRowBuilder } from '../support/builders/case-rows.builder';
import { tenantCounts } from '../support/case-trail';
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
  const refusing = (table: string) => `refuse_${table}_${tenant}`;

  beforeAll(async () => {
    t = await createTestApp();
    caseTypeId = await new CaseRowBuilder(t.dataSource, tenant).caseType('Incident');
  });
  afterAll(async () => {
    for (const table of ['cases', 'outbox', 'case_activities'])
      await t.dataSource.query(`DROP FUNCTION IF EXISTS ${refusing(table)}() CASCADE`);
    await t.close();
  });

  /** Until `lift` is called, `table` refuses this tenant's inserts. */
  async function refuseInserts(table: string): Promise<{ lift: () => Promise<unknown> }> {
    const name = refusing(table);
    await t.dataSource.query(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.client_id = '${tenant}' THEN RAISE EXCEPTION '${table} write refused'; END IF;
        RETURN NEW;
      END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    );
    return { lift: () => t.dataSource.query(`DROP FUNCTION ${name}() CASCADE`) };
  }

  const create = (details: string) =>
    t.http.post('/api/v1/cases').set(admin).send({ caseTypeId, details });

  it.each(['cases', 'outbox', 'case_activities'])(
    'an insert into %s refused: 500, and nothing of the create kept',
    async (table) => {
      await create('Before').expect(201);
      const before = await tenantCounts(t.dataSource, tenant);
      const refusal = await refuseInserts(table);
      try {
        const res = await create('Refused');
        expect(res.status).toBe(500);
        expect(res.body.code).toBe('CASE5000');
        expect(await tenantCounts(t.dataSource, tenant)).toEqual(before);
      } finally {
        await refusal.lift();
      }
      const after = await create('After').expect(201);
      expect(after.body.data.displayId).toBe(`CM${tenant}-${before.counter + 1}`);
    },
  );
});
