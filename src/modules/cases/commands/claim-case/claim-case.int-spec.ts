import { CommandBus } from '@nestjs/cqrs';
import { DefinitionsBuilder } from '../../../../../test/support/builders/definitions.builder';
import { caseTrail, userActor } from '../../../../../test/support/case-trail';
import {
  createTestModule,
  TestModule,
  CASE_PATH_MODULES,
} from '../../../../../test/support/test-module';
import { newTenant } from '../../../../../test/support/test-env';
import { Permission } from '../../../../shared/auth/permission.enum';
import { CreateCaseCommand } from '../create-case/create-case.command';
import { ClaimCaseCommand } from './claim-case.command';

/** The case commands, with the activity log their trail is read from, without HTTP. */
const CASE_MODULES = CASE_PATH_MODULES;

describe('ClaimCaseHandler (integration)', () => {
  let t: TestModule;
  let bus: CommandBus;

  beforeAll(async () => {
    t = await createTestModule(CASE_MODULES);
    bus = t.get(CommandBus);
  });
  afterAll(() => t.close());

  it('lets exactly one of 20 racing claims win; the others get 409 CASE4093', async () => {
    const tenant = newTenant();
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
    const id: string = await bus.execute(
      new CreateCaseCommand(userActor(tenant), { caseTypeId: type.id, details: 'Up for grabs' }),
    );
    const agents = Array.from({ length: 20 }, (_, i) =>
      userActor(tenant, `agent-${i}`, [Permission.CASE_PROCESS, Permission.CASE_VIEW]),
    );
    const outcomes = await Promise.allSettled(
      agents.map((agent) => bus.execute(new ClaimCaseCommand(agent, { id }))),
    );
    const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [agents[i].userId] : []));
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const error of lost) expect(error).toMatchObject({ code: 'CASE4093' });

    const trail = await caseTrail(t.dataSource, tenant, id);
    expect(trail.row).toMatchObject({ assigned_to_users: won, version: 2 });
    expect(trail.activities.filter((a) => a.type === 'case.claimed')).toEqual([
      expect.objectContaining({ actor_id: won[0] }),
    ]);
  });
});
