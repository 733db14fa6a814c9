import { CommandBus } from '@nestjs/cqrs';
import { DefinitionsBuilder } from '../../../../../test/support/builders/definitions.builder';
import { caseTrail, userActor } from '../../../../../test/support/case-trail';
import {
  createTestModule,
  TestModule,
  CASE_PATH_MODULES,
} from '../../../../../test/support/test-module';
import { newTenant } from '../../../../../test/support/test-env';
import { ActivityLog } from '../../../activity';
import { CaseEditInput } from '../../domain/case.props';
import { CreateCaseCommand } from '../create-case/create-case.command';
import { EditCaseCommand } from './edit-case.command';

/** The case commands, with the activity log their trail is read from, without HTTP. */
const CASE_MODULES = CASE_PATH_MODULES;

describe('EditCaseHandler (integration)', () => {
  let t: TestModule;
  let bus: CommandBus;

  beforeAll(async () => {
    t = await createTestModule(CASE_MODULES);
    bus = t.get(CommandBus);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  async function freshCase() {
    const tenant = newTenant();
    const defs = new DefinitionsBuilder(t.dataSource, tenant);
    const type = await defs.caseType({ warnBeforeHours: 1 });
    const priorities = [await defs.priority({ level: 1 }), await defs.priority({ level: 2 })];
    const id: string = await bus.execute(
      new CreateCaseCommand(userActor(tenant), { caseTypeId: type.id, details: 'Original' }),
    );
    return { tenant, id, priorities };
  }

  it('loses nothing under 20 concurrent edits: every change lands, each on top of the previous', async () => {
    const { tenant, id, priorities } = await freshCase();
    // Ten fields, each edited twice with different values: 20 edits racing on one row.
    const pairs: [keyof CaseEditInput, unknown, unknown][] = [
      ['details', 'Details A', 'Details B'],
      ['description', 'Description A', 'Description B'],
      ['priorityId', priorities[0].id, priorities[1].id],
      ['assignedToUsers', ['u-a'], ['u-b']],
      ['assignedToGroups', ['g-a'], ['g-b']],
      ['location', 'Paris', 'Oslo'],
      ['locationId', 'loc-a', 'loc-b'],
      ['locationCode', 'CODE-A', 'CODE-B'],
      ['dueDate', new Date('2026-02-01T00:00:00.000Z'), new Date('2026-03-01T00:00:00.000Z')],
      ['completedPercent', 30, 60],
    ];
    const edits = pairs.flatMap(([field, a, b]) => [
      { [field]: a } as CaseEditInput,
      { [field]: b } as CaseEditInput,
    ]);
    await Promise.all(
      edits.map((changes, i) =>
        bus.execute(new EditCaseCommand(userActor(tenant, `editor-${i}`), { id }, changes)),
      ),
    );

    const trail = await caseTrail(t.dataSource, tenant, id);
    expect(trail.row?.version).toBe(21);
    const updates = trail.activities.filter((a) => a.type === 'case.updated');
    expect(updates).toHaveLength(20);
    const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null));
    for (const [field, a, b] of pairs) {
      const changes = updates
        .map((u) => (u.data.changes as Record<string, { old: unknown; new: unknown }>)[field])
        .filter(Boolean);
      expect(changes).toHaveLength(2);
      // Serialized: the second edit of a field saw the first one's value, never the original.
      expect(changes[1].old).toEqual(changes[0].new);
      expect([changes[0].new, changes[1].new].sort()).toEqual([json(a), json(b)].sort());
    }
    const column: Record<string, string> = {
      details: 'details',
      location: 'location',
      locationCode: 'location_code',
      completedPercent: 'completed_percent',
    };
    for (const [field, name] of Object.entries(column)) {
      const last = updates.filter((u) => (u.data.changes as object)[field as never]).pop();
      expect(trail.row?.[name]).toEqual((last?.data.changes as never)[field]['new']);
    }
  });

  it('leaves the row, the log and the outbox untouched when the activity log fails', async () => {
    const { tenant, id } = await freshCase();
    const before = await caseTrail(t.dataSource, tenant, id);
    jest.spyOn(t.get(ActivityLog), 'append').mockRejectedValueOnce(new Error('log down'));
    await expect(
      bus.execute(new EditCaseCommand(userActor(tenant), { id }, { details: 'Changed' })),
    ).rejects.toThrow('log down');
    expect(await caseTrail(t.dataSource, tenant, id)).toEqual(before);
  });

  it('refuses a stale expected version with 409 CASE4092 and changes nothing', async () => {
    const { tenant, id } = await freshCase();
    const admin = userActor(tenant);
    await bus.execute(new EditCaseCommand(admin, { id }, { details: 'v2' }, 1));
    await expect(
      bus.execute(new EditCaseCommand(admin, { id }, { details: 'v3' }, 1)),
    ).rejects.toMatchObject({ code: 'CASE4092' });
    expect((await caseTrail(t.dataSource, tenant, id)).row).toMatchObject({
      details: 'v2',
      version: 2,
    });
  });
});
