import { CommandBus } from '@nestjs/cqrs';
import { DefinitionsBuilder } from '../../../../../test/support/builders/definitions.builder';
import { userActor } from '../../../../../test/support/case-trail';
import { deliverNotifications } from '../../../../../test/support/deliver-notifications';
import {
  createTestModule,
  TEST_START,
  TestModule,
  CASE_PATH_MODULES,
} from '../../../../../test/support/test-module';
import { SlaModule } from '../../sla.module';
import { newTenant } from '../../../../../test/support/test-env';
import { ActivityEntry, ActivityLog } from '../../../activity';
import { CancelCaseCommand } from '../../../cases';
import { CreateCaseCommand } from '../../../cases';
import { EditCaseCommand } from '../../../cases';
import { OpenCaseCommand } from '../../../cases';
import { ResolveCaseCommand } from '../../../cases';
import { DueDateCheck } from './due-date-check';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const at = (hours: number) => new Date(TEST_START.getTime() + hours * 3_600_000);

interface Marks {
  id: string;
  marked_due_date_warning: boolean;
  marked_due_date_exceeded: boolean;
}

/** The SLA clocks and checks on the case commands that move them, without HTTP. */
const SLA_MODULES = [...CASE_PATH_MODULES, SlaModule];

describe(`due-date check (integration, ${engine})`, () => {
  let t: TestModule;
  let bus: CommandBus;
  let check: DueDateCheck;

  beforeAll(async () => {
    t = await createTestModule(SLA_MODULES);
    bus = t.get(CommandBus);
    check = t.get(DueDateCheck);
  });
  beforeEach(() => t.clock.set(TEST_START));
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  /** A tenant with two case types due 8 h after creation, warned 2 h before. */
  async function tenantWithTypes() {
    const tenant = newTenant();
    const admin = userActor(tenant);
    const defs = new DefinitionsBuilder(t.dataSource, tenant);
    const spec = { dueInHours: 8, warnBeforeHours: 2 };
    const [checked, unchecked] = [await defs.caseType(spec), await defs.caseType(spec)];
    const create = async (caseTypeId: string, extra: Record<string, unknown> = {}) => {
      const input = { caseTypeId, details: 'Invoice dispute', ...extra };
      const id: string = await bus.execute(new CreateCaseCommand(admin, input));
      return id;
    };
    const marks = async (): Promise<Marks[]> =>
      t.dataSource.query(
        `SELECT id, marked_due_date_warning, marked_due_date_exceeded FROM cases
          WHERE client_id = $1 ORDER BY seq`,
        [tenant],
      );
    return {
      tenant,
      admin,
      types: { checked: checked.id, unchecked: unchecked.id },
      create,
      marks,
    };
  }

  const run = (tenant: string, caseTypeIds: string[], continueOnError = true) =>
    check.run({ clientId: tenant, caseTypeIds, continueOnError });

  it('warns, then marks exceeded, once each, and only for the given case types', async () => {
    const { tenant, types, create, marks } = await tenantWithTypes();
    const id = await create(types.checked, {
      assignedToUsers: ['agent-1'],
      assignedToGroups: ['billing'],
      watchers: ['boss'],
    });
    const other = await create(types.unchecked);

    t.clock.set(at(5.99));
    expect(await run(tenant, [types.checked])).toEqual({
      checked: 0,
      warned: 0,
      exceeded: 0,
      errors: 0,
      stopped: false,
    });
    t.clock.set(at(6));
    expect(await run(tenant, [types.checked])).toMatchObject({
      checked: 1,
      warned: 1,
      exceeded: 0,
    });
    expect(await run(tenant, [types.checked])).toMatchObject({ checked: 0, warned: 0 });
    t.clock.set(at(8));
    expect(await run(tenant, [types.checked, types.checked])).toMatchObject({
      checked: 1,
      warned: 0,
      exceeded: 1,
    });
    t.clock.set(at(100));
    expect(await run(tenant, [types.checked])).toMatchObject({ checked: 0, exceeded: 0 });

    expect(await marks()).toEqual([
      { id, marked_due_date_warning: true, marked_due_date_exceeded: true },
      { id: other, marked_due_date_warning: false, marked_due_date_exceeded: false },
    ]);
    const activity = await t.dataSource.query(
      `SELECT type, actor_id FROM case_activities
        WHERE client_id = $1 AND case_id = $2 AND type LIKE 'due-date.%' ORDER BY seq`,
      [tenant, id],
    );
    expect(activity).toEqual([
      { type: 'due-date.warned', actor_id: 'system' },
      { type: 'due-date.exceeded', actor_id: 'system' },
    ]);
    await deliverNotifications(t, tenant);
    const notified = await t.dataSource.query(
      `SELECT template, recipient_kind || ':' || recipient_id AS who, dedupe_key FROM notifications
        WHERE client_id = $1 ORDER BY template, who`,
      [tenant],
    );
    const key = (template: string, deadline: number) =>
      `${template}:${id}:${at(deadline).toISOString()}`;
    expect(notified).toEqual([
      ...['group:billing', 'user:agent-1', 'user:boss'].map((who) => ({
        template: 'due-date.exceeded',
        who,
        dedupe_key: key('due-date.exceeded', 8),
      })),
      ...['group:billing', 'user:agent-1', 'user:boss'].map((who) => ({
        template: 'due-date.warning',
        who,
        dedupe_key: key('due-date.warning', 6),
      })),
    ]);
  });

  it('checks nothing without case types, and nothing of another tenant', async () => {
    const mine = await tenantWithTypes();
    const theirs = await tenantWithTypes();
    await mine.create(mine.types.checked);
    await theirs.create(theirs.types.checked);
    t.clock.set(at(9));
    expect(await run(mine.tenant, [])).toMatchObject({ checked: 0, warned: 0, exceeded: 0 });
    expect(await run(mine.tenant, [theirs.types.checked])).toMatchObject({ checked: 0 });
    expect(await theirs.marks()).toEqual([
      expect.objectContaining({ marked_due_date_warning: false, marked_due_date_exceeded: false }),
    ]);
    expect(await run(mine.tenant, [mine.types.checked])).toMatchObject({
      checked: 1,
      warned: 1,
      exceeded: 1,
    });
  });

  it('skips terminal cases but checks resolved ones, and re-arms on a new due date', async () => {
    const { tenant, admin, types, create, marks } = await tenantWithTypes();
    const [canceled, resolved, moved] = [
      await create(types.checked),
      await create(types.checked),
      await create(types.checked),
    ];
    await bus.execute(new CancelCaseCommand(admin, { id: canceled }));
    await bus.execute(new OpenCaseCommand(admin, { id: resolved }));
    await bus.execute(new ResolveCaseCommand(admin, { id: resolved }, 'Done'));
    t.clock.set(at(9));
    expect(await run(tenant, [types.checked])).toMatchObject({
      checked: 2,
      warned: 2,
      exceeded: 2,
    });

    await bus.execute(new EditCaseCommand(admin, { id: moved }, { dueDate: at(20) }));
    expect((await marks())[2]).toMatchObject({
      marked_due_date_warning: false,
      marked_due_date_exceeded: false,
    });
    t.clock.set(at(18));
    expect(await run(tenant, [types.checked])).toMatchObject({
      checked: 1,
      warned: 1,
      exceeded: 0,
    });
    expect((await marks()).map((m) => m.marked_due_date_warning)).toEqual([false, true, true]);
  });

  it('with continueOnError counts a failing case and marks the others; without it stops there', async () => {
    const { tenant, types, create, marks } = await tenantWithTypes();
    const ids: string[] = [];
    for (const hour of [0, 1, 2]) {
      t.clock.set(at(hour));
      ids.push(await create(types.checked));
    }
    const activityLog = t.get(ActivityLog);
    const realAppend = activityLog.append.bind(activityLog);
    jest
      .spyOn(activityLog, 'append')
      .mockImplementation(async (entries: readonly ActivityEntry[]) => {
        if (entries.some((e) => e.caseId === ids[1] && e.type.startsWith('due-date.'))) {
          throw new Error('refused');
        }
        return realAppend(entries);
      });
    const exceeded = async () => (await marks()).map((m) => m.marked_due_date_exceeded);

    t.clock.set(at(12));
    expect(await run(tenant, [types.checked], false)).toEqual({
      checked: 2,
      warned: 1,
      exceeded: 1,
      errors: 1,
      stopped: true,
    });
    expect(await exceeded()).toEqual([true, false, false]);

    expect(await run(tenant, [types.checked], true)).toEqual({
      checked: 2,
      warned: 1,
      exceeded: 1,
      errors: 1,
      stopped: false,
    });
    expect(await exceeded()).toEqual([true, false, true]);
  });
});
