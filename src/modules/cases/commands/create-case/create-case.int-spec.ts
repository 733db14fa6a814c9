import { CommandBus } from '@nestjs/cqrs';
import { DefinitionsBuilder } from '../../../../../test/support/builders/definitions.builder';
import { caseTrail, tenantCounts, userActor } from '../../../../../test/support/case-trail';
import {
  createTestModule,
  TestModule,
  CASE_PATH_MODULES,
} from '../../../../../test/support/test-module';
import { CommentsModule } from '../../../comments';
import { SlaModule } from '../../../sla';
import { newTenant } from '../../../../../test/support/test-env';
import { CaseState } from '../../../../shared/domain/case-state';
import { Outbox } from '../../../../shared/outbox/outbox';
import { ActivityLog } from '../../../activity';
import { CreateCaseCommand } from './create-case.command';

/** The case commands and the modules whose in-transaction subscribers write their trail, without HTTP. */
const CASE_MODULES = [...CASE_PATH_MODULES, CommentsModule, SlaModule];

describe('CreateCaseHandler (integration)', () => {
  let t: TestModule;
  let bus: CommandBus;

  beforeAll(async () => {
    t = await createTestModule(CASE_MODULES);
    bus = t.get(CommandBus);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  async function typeIn(tenant: string) {
    return new DefinitionsBuilder(t.dataSource, tenant).caseType({
      slas: [{ name: 'Response', warnAfterMinutes: 30, breachAfterMinutes: 60 }],
      milestones: [{ name: 'Logged', percent: 5, onState: CaseState.NEW }],
    });
  }

  const create = (tenant: string, caseTypeId: string, details = 'Printer on fire') =>
    bus.execute(new CreateCaseCommand(userActor(tenant), { caseTypeId, details }));

  it('writes the case, its SLA instances, activity entries and outbox events together', async () => {
    const tenant = newTenant();
    const type = await typeIn(tenant);
    const id = await create(tenant, type.id);
    const trail = await caseTrail(t.dataSource, tenant, id);
    expect(trail.row).toMatchObject({ state: 'NEW', version: 1, display_id: `CM${tenant}-1` });
    expect(trail.slaInstances).toBe(1);
    expect(trail.activities.map((a) => a.type)).toEqual(['case.created', 'case.milestone-reached']);
    expect(trail.outbox).toEqual(['case.created', 'case.milestone-reached']);
  });

  it.each([
    ['the activity log', ActivityLog],
    ['the outbox', Outbox],
  ] as const)(
    'leaves no trace (and no used number) when %s fails after the insert',
    async (_, token) => {
      const tenant = newTenant();
      const type = await typeIn(tenant);
      const target = t.get<ActivityLog | Outbox>(token);
      jest.spyOn(target, 'append').mockRejectedValueOnce(new Error('disk full'));
      await expect(create(tenant, type.id)).rejects.toThrow('disk full');
      expect(await tenantCounts(t.dataSource, tenant)).toEqual({
        cases: 0,
        activities: 0,
        outbox: 0,
        comments: 0,
        slas: 0,
        counter: 0,
      });
      const id = await create(tenant, type.id);
      expect((await caseTrail(t.dataSource, tenant, id)).row?.display_id).toBe(`CM${tenant}-1`);
    },
  );

  it('gives 50 concurrent creates of a fresh tenant the displayIds 1..50, no duplicate, no gap', async () => {
    const tenant = newTenant();
    const type = await typeIn(tenant);
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) => create(tenant, type.id, `Case ${i}`)),
    );
    const rows = (await t.dataSource.query(
      `SELECT seq::int AS seq, display_id FROM cases WHERE client_id = $1 ORDER BY seq`,
      [tenant],
    )) as { seq: number; display_id: string }[];
    expect(new Set(ids).size).toBe(50);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(rows.map((r) => r.display_id)).toEqual(rows.map((r) => `CM${tenant}-${r.seq}`));
    expect((await tenantCounts(t.dataSource, tenant)).counter).toBe(50);
  });
});
