import { CaseRowBuilder } from '../../../../test/support/builders/case-rows.builder';
import { createTestModule, TestModule } from '../../../../test/support/test-module';
import { newTenant } from '../../../../test/support/test-env';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { ActivityEntry, ActivityLog } from '../activity-log';
import { ActivityModule } from '../activity.module';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

/** The entries travel as one JSON array (one prepared text for any number of them). */
describe(`ActivityLogSqlRepository.append (integration, ${engine})`, () => {
  let t: TestModule;
  let tx: TransactionManager;
  let log: ActivityLog;

  beforeAll(async () => {
    t = await createTestModule([ActivityModule]);
    tx = t.get(TransactionManager);
    log = t.get(ActivityLog);
  });
  afterAll(() => t?.close());

  const entry = (clientId: string, caseId: string, i: number, data: Record<string, unknown>) =>
    ({
      clientId,
      caseId,
      type: `test.step${i}`,
      actorId: i % 2 ? 'user-"1"' : 'user\\2',
      onBehalfOf: i % 2 ? null : 'customer 7',
      occurredAt: new Date(Date.UTC(2026, 11, 3, 9, 0, 0, i)),
      data,
    }) satisfies ActivityEntry;

  it('keeps every entry as given, in the order given, whatever its data holds', async () => {
    const tenant = newTenant();
    const builder = new CaseRowBuilder(t.dataSource, tenant);
    const { id: caseId } = await builder.create({ caseTypeId: await builder.caseType() });
    const entries = [
      entry(tenant, caseId, 1, { note: 'he said "hi"', path: 'C:\\new', lines: 'a\nb\tc' }),
      entry(tenant, caseId, 2, { unicode: 'Grüße 東京 👩‍💻 \u2028', list: ['x,y', null, '{}'] }),
      entry(tenant, caseId, 3, {}),
    ];
    await tx.run(() => log.append(entries));
    // Twice more, one entry each: the same statement text serves any count.
    await tx.run(() => log.append([entry(tenant, caseId, 4, { n: 4 })]));
    await tx.run(() => log.append([entry(tenant, caseId, 5, { n: 5 })]));

    const rows = await tx.query<Record<string, unknown>>(
      `SELECT client_id, case_id, type, actor_id, on_behalf_of, occurred_at, data
         FROM case_activities WHERE client_id = $1 ORDER BY seq`,
      [tenant],
    );
    const expected = [
      ...entries,
      entry(tenant, caseId, 4, { n: 4 }),
      entry(tenant, caseId, 5, { n: 5 }),
    ];
    expect(rows).toEqual(
      expected.map((e) => ({
        client_id: e.clientId,
        case_id: e.caseId,
        type: e.type,
        actor_id: e.actorId,
        on_behalf_of: e.onBehalfOf,
        occurred_at: e.occurredAt,
        data: e.data,
      })),
    );
  });
});
