import { CommandBus } from '@nestjs/cqrs';
import {
  DefinitionsBuilder,
  SlaSpec,
} from '../../../../../test/support/builders/definitions.builder';
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
import { CaseState } from '../../../../shared/domain/case-state';
import { ActivityEntry, ActivityLog } from '../../../activity';
import { CreateCaseCommand } from '../../../cases';
import { HoldCaseCommand } from '../../../cases';
import { OpenCaseCommand } from '../../../cases';
import { ResolveCaseCommand } from '../../../cases';
import { CancelCaseCommand } from '../../../cases';
import { SlaCheck } from './sla-check';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);
const RESPONSE: SlaSpec = { name: 'Response', warnAfterMinutes: 30, breachAfterMinutes: 60 };

/** The SLA clocks and checks on the case commands that move them, without HTTP. */
const SLA_MODULES = [...CASE_PATH_MODULES, SlaModule];

describe(`SLA check (integration, ${engine})`, () => {
  let t: TestModule;
  let bus: CommandBus;
  let check: SlaCheck;
  let activityLog: ActivityLog;

  beforeAll(async () => {
    t = await createTestModule(SLA_MODULES, { env: { DATABASE_POOL_SIZE: '8' } });
    bus = t.get(CommandBus);
    check = t.get(SlaCheck);
    activityLog = t.get(ActivityLog);
  });
  beforeEach(() => t.clock.set(TEST_START));
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  /** A tenant with one case type carrying `slas`, and a way to create its cases through the commands. */
  async function tenantWith(slas: SlaSpec[]) {
    const tenant = newTenant();
    const admin = userActor(tenant);
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({ slas });
    const create = async (extra: Record<string, unknown> = {}): Promise<string> => {
      const input = { caseTypeId: type.id, details: 'Printer on fire', ...extra };
      const id: string = await bus.execute(new CreateCaseCommand(admin, input));
      return id;
    };
    return { tenant, admin, create };
  }

  const instances = (tenant: string) =>
    t.dataSource.query(
      `SELECT si.case_id, si.name, si.warned_at, si.violated_at, c.message_warned_slas, si.id
         FROM sla_instances si JOIN cases c ON c.id = si.case_id
        WHERE si.client_id = $1 ORDER BY si.created_at, si.case_id, si.name`,
      [tenant],
    ) as Promise<
      {
        case_id: string;
        name: string;
        warned_at: Date | null;
        violated_at: Date | null;
        message_warned_slas: string[];
        id: string;
      }[]
    >;

  const activities = (tenant: string) =>
    t.dataSource.query(
      `SELECT case_id, type, actor_id, data FROM case_activities
        WHERE client_id = $1 AND type LIKE 'sla.%' ORDER BY seq`,
      [tenant],
    ) as Promise<
      { case_id: string; type: string; actor_id: string; data: Record<string, unknown> }[]
    >;

  it('warns, then violates, each SLA exactly once however often it runs', async () => {
    const { tenant, create } = await tenantWith([RESPONSE]);
    const id = await create({
      assignedToUsers: ['agent-1'],
      assignedToGroups: ['desk'],
      watchers: ['watcher-1', 'agent-1'],
    });
    const [{ id: slaId }] = await instances(tenant);
    const version = async () =>
      (
        (await t.dataSource.query(`SELECT version FROM cases WHERE id = $1`, [id])) as {
          version: number;
        }[]
      )[0].version;
    const versionBefore = await version();

    t.clock.set(at(29));
    expect(await check.run({ clientId: tenant, continueOnError: true })).toEqual({
      checked: 0,
      warned: 0,
      violated: 0,
      escalated: 0,
      errors: 0,
      stopped: false,
    });

    t.clock.set(at(30));
    expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
      checked: 1,
      warned: 1,
      violated: 0,
    });
    expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
      checked: 0,
      warned: 0,
    });
    expect(await instances(tenant)).toEqual([
      expect.objectContaining({
        warned_at: at(30),
        violated_at: null,
        message_warned_slas: [slaId],
      }),
    ]);

    t.clock.set(at(90));
    expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
      checked: 1,
      warned: 0,
      violated: 1,
    });
    t.clock.set(at(600));
    expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
      checked: 0,
      violated: 0,
    });

    expect(await instances(tenant)).toEqual([
      expect.objectContaining({
        warned_at: at(30),
        violated_at: at(90),
        message_warned_slas: [slaId],
      }),
    ]);
    expect(await activities(tenant)).toEqual([
      expect.objectContaining({ type: 'sla.warned', actor_id: 'system', case_id: id }),
      expect.objectContaining({ type: 'sla.violated', actor_id: 'system', case_id: id }),
    ]);
    await deliverNotifications(t, tenant);
    const notified = await t.dataSource.query(
      `SELECT template, recipient_kind, recipient_id, dedupe_key FROM notifications
        WHERE client_id = $1 AND template LIKE 'sla.%' ORDER BY template, recipient_kind, recipient_id`,
      [tenant],
    );
    const to = (template: string) => [
      {
        template,
        recipient_kind: 'group',
        recipient_id: 'desk',
        dedupe_key: `${template}:${slaId}`,
      },
      {
        template,
        recipient_kind: 'user',
        recipient_id: 'agent-1',
        dedupe_key: `${template}:${slaId}`,
      },
      {
        template,
        recipient_kind: 'user',
        recipient_id: 'watcher-1',
        dedupe_key: `${template}:${slaId}`,
      },
    ];
    expect(notified).toEqual([...to('sla.violated'), ...to('sla.warning')]);
    const outbox = await t.dataSource.query(
      `SELECT type FROM outbox WHERE client_id = $1 AND type LIKE 'sla.%' ORDER BY occurred_at`,
      [tenant],
    );
    expect(outbox).toEqual([{ type: 'sla.warned' }, { type: 'sla.violated' }]);
    // Job bookkeeping: a user's If-Match stays valid.
    expect(await version()).toBe(versionBefore);
  });

  it('marks a warning and its breach together when both have passed, and 0-minute SLAs at once', async () => {
    const { tenant, create } = await tenantWith([
      RESPONSE,
      { name: 'Acknowledge', warnAfterMinutes: 0, breachAfterMinutes: 0 },
    ]);
    await create();
    expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
      checked: 1,
      warned: 1,
      violated: 1,
    });
    t.clock.set(at(61));
    expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
      checked: 1,
      warned: 1,
      violated: 1,
    });
    const rows = await instances(tenant);
    expect(rows.every((r) => r.warned_at && r.violated_at)).toBe(true);
    expect([...rows[0].message_warned_slas].sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('leaves terminal, resolved and paused cases and other tenants alone', async () => {
    const { tenant, admin, create } = await tenantWith([
      { ...RESPONSE, pauseInStates: [CaseState.ON_HOLD] },
    ]);
    const [canceled, resolved, onHold, open] = [
      await create(),
      await create(),
      await create(),
      await create(),
    ];
    t.clock.set(at(10));
    await bus.execute(new CancelCaseCommand(admin, { id: canceled }));
    for (const id of [resolved, onHold]) await bus.execute(new OpenCaseCommand(admin, { id }));
    await bus.execute(new ResolveCaseCommand(admin, { id: resolved }, 'Fixed'));
    await bus.execute(new HoldCaseCommand(admin, { id: onHold }));
    const other = await tenantWith([RESPONSE]);
    await other.create();

    t.clock.set(at(500));
    expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
      checked: 1,
      warned: 1,
      violated: 1,
    });
    const marked = (await instances(tenant)).filter((r) => r.warned_at).map((r) => r.case_id);
    expect(marked).toEqual([open]);
    expect((await instances(other.tenant))[0]).toMatchObject({ warned_at: null });
  });

  describe('an error on one case', () => {
    /** Three cases due in this order; the activity log fails for the middle one's marks. */
    async function threeDueCases() {
      const { tenant, create } = await tenantWith([RESPONSE]);
      const ids: string[] = [];
      for (const minute of [0, 1, 2]) {
        t.clock.set(at(minute));
        ids.push(await create());
      }
      const realAppend = activityLog.append.bind(activityLog);
      jest
        .spyOn(activityLog, 'append')
        .mockImplementation(async (entries: readonly ActivityEntry[]) => {
          if (entries.some((e) => e.caseId === ids[1] && e.type.startsWith('sla.'))) {
            throw new Error('activity log refused the mark');
          }
          return realAppend(entries);
        });
      t.clock.set(at(45));
      const warned = async () =>
        (await instances(tenant)).filter((r) => r.warned_at).map((r) => r.case_id);
      return { tenant, ids, warned };
    }

    it('is counted and skipped with continueOnError, and marked by the next run', async () => {
      const { tenant, ids, warned } = await threeDueCases();
      expect(await check.run({ clientId: tenant, continueOnError: true })).toEqual({
        checked: 3,
        warned: 2,
        violated: 0,
        escalated: 0,
        errors: 1,
        stopped: false,
      });
      expect(await warned()).toEqual([ids[0], ids[2]]);

      jest.restoreAllMocks();
      expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
        checked: 1,
        warned: 1,
        errors: 0,
      });
      expect(await warned()).toEqual(ids);
    });

    it('stops the check there without continueOnError, keeping the marks made before it', async () => {
      const { tenant, ids, warned } = await threeDueCases();
      expect(await check.run({ clientId: tenant, continueOnError: false })).toEqual({
        checked: 2,
        warned: 1,
        violated: 0,
        escalated: 0,
        errors: 1,
        stopped: true,
      });
      expect(await warned()).toEqual([ids[0]]);
    });
  });
});
