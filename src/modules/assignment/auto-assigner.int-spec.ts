import { CommandBus } from '@nestjs/cqrs';
import { DefinitionsBuilder } from '../../../test/support/builders/definitions.builder';
import { tenantCounts, userActor } from '../../../test/support/case-trail';
import { newTenant } from '../../../test/support/test-env';
import {
  CASE_PATH_MODULES,
  createTestModule,
  TestModule,
  TEST_START,
} from '../../../test/support/test-module';
import { Directory } from '../../shared/directory/directory';
import { DomainEvent } from '../../shared/domain/domain-event';
import { Outbox } from '../../shared/outbox/outbox';
import { CreateCaseCommand, UnclaimCaseCommand } from '../cases';
import { AssignmentModule } from './assignment.module';

describe('AutoAssigner (integration)', () => {
  let t: TestModule;
  let bus: CommandBus;

  beforeAll(async () => {
    t = await createTestModule([...CASE_PATH_MODULES, AssignmentModule]);
    bus = t.get(CommandBus);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  async function setUp(tenant: string) {
    const directory = t.get(Directory);
    for (const user of ['ann', 'bob'])
      await directory.saveUser(tenant, user, { groups: ['desk'] }, TEST_START);
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
    await t.dataSource.query(`UPDATE case_types SET assignment = $2 WHERE id = $1`, [
      type.id,
      JSON.stringify({ strategy: 'round-robin', groups: ['desk'], capacity: null }),
    ]);
    return type.id;
  }
  const cursorOf = async (tenant: string) =>
    (await t.dataSource.query(`SELECT last_user_id FROM assignment_cursors WHERE client_id = $1`, [
      tenant,
    ])) as { last_user_id: string }[];
  const failOnAutoAssigned = () => {
    const outbox = t.get(Outbox);
    const append = outbox.append.bind(outbox);
    jest.spyOn(outbox, 'append').mockImplementation(async (events: DomainEvent[]) => {
      if (events.some((e) => e.type === 'case.auto-assigned')) throw new Error('disk full');
      return append(events);
    });
  };

  it('advances the cursor with the case, and rolls the pick back with the create', async () => {
    const tenant = newTenant();
    const caseTypeId = await setUp(tenant);
    await bus.execute(new CreateCaseCommand(userActor(tenant), { caseTypeId, details: 'one' }));
    expect(await cursorOf(tenant)).toEqual([{ last_user_id: 'ann' }]);
    failOnAutoAssigned();
    await expect(
      bus.execute(new CreateCaseCommand(userActor(tenant), { caseTypeId, details: 'two' })),
    ).rejects.toThrow('disk full');
    expect(await cursorOf(tenant)).toEqual([{ last_user_id: 'ann' }]);
    expect((await tenantCounts(t.dataSource, tenant)).cases).toBe(1);
  });

  it('rolls the unclaim back with a failed pick: the agent keeps the case', async () => {
    const tenant = newTenant();
    const caseTypeId = await setUp(tenant);
    const input = { caseTypeId, details: 'held', assignedToUsers: ['zoe'] };
    const id = await bus.execute(new CreateCaseCommand(userActor(tenant), input));
    failOnAutoAssigned();
    await expect(
      bus.execute(new UnclaimCaseCommand(userActor(tenant, 'zoe'), { id }, {})),
    ).rejects.toThrow('disk full');
    const [row] = (await t.dataSource.query(
      `SELECT assigned_to_users, version FROM cases WHERE id = $1`,
      [id],
    )) as { assigned_to_users: string[]; version: number }[];
    expect(row).toEqual({ assigned_to_users: ['zoe'], version: 1 });
    expect(await cursorOf(tenant)).toEqual([]);
  });
});
