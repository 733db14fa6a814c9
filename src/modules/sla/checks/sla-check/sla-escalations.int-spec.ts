import { CommandBus } from '@nestjs/cqrs';
import {
  DefinitionsBuilder,
  SlaSpec,
} from '../../../../../test/support/builders/definitions.builder';
import { userActor } from '../../../../../test/support/case-trail';
import { deliverNotifications } from '../../../../../test/support/deliver-notifications';
import {
  CASE_PATH_MODULES,
  createTestModule,
  TEST_START,
  TestModule,
} from '../../../../../test/support/test-module';
import { newTenant } from '../../../../../test/support/test-env';
import { CreateCaseCommand, EditCaseCommand } from '../../../cases';
import { EscalationAction } from '../../domain/sla-escalation';
import { SlaModule } from '../../sla.module';
import { SlaCheck } from './sla-check';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);
const RESPONSE: SlaSpec = { name: 'Response', warnAfterMinutes: 30, breachAfterMinutes: 60 };

interface Rung {
  atPercent: number;
  actions: EscalationAction[];
  dueAt: number;
}

/** The escalation ladder of the SLA check: each rung fired once, with its notices and case writes. */
describe(`SLA check escalations (integration, ${engine})`, () => {
  let t: TestModule;
  let bus: CommandBus;
  let check: SlaCheck;

  beforeAll(async () => {
    t = await createTestModule([...CASE_PATH_MODULES, SlaModule]);
    bus = t.get(CommandBus);
    check = t.get(SlaCheck);
  });
  beforeEach(() => t.clock.set(TEST_START));
  afterAll(() => t.close());

  const q = <T>(sql: string, params: unknown[]) => t.dataSource.query(sql, params) as Promise<T[]>;

  /** A case with one Response SLA whose ladder is `rungs` (written as the clock would). */
  async function escalating(rungs: Rung[], extra: { slas?: SlaSpec[]; level?: number } = {}) {
    const tenant = newTenant();
    const admin = userActor(tenant);
    const defs = new DefinitionsBuilder(t.dataSource, tenant);
    const p1 = await defs.priority({ level: extra.level ?? 1 });
    const p2 = await defs.priority({ level: 2 });
    const slas = extra.slas?.map((s) => ({ ...s, priorityId: p2.id })) ?? [];
    const type = await defs.caseType({ slas: [RESPONSE, ...slas] });
    const input = {
      caseTypeId: type.id,
      details: 'Printer on fire',
      priorityId: p1.id,
      assignedToUsers: ['agent-1'],
    };
    const id: string = await bus.execute(new CreateCaseCommand(admin, input));
    const ladder = rungs.map((r) => ({ ...r, dueAt: at(r.dueAt).toISOString(), firedAt: null }));
    const next = Math.min(...rungs.map((r) => r.dueAt));
    await q(
      `UPDATE sla_instances SET escalations = $2::jsonb, next_escalation_at = $3 WHERE case_id = $1`,
      [id, JSON.stringify(ladder), at(next)],
    );
    const run = async (minutes: number) => {
      t.clock.set(at(minutes));
      return check.run({ clientId: tenant, continueOnError: true });
    };
    const kase = async () =>
      (
        await q<{
          version: number;
          priority_id: string;
          assigned_to_users: string[];
          assigned_to_groups: string[];
        }>(
          `SELECT version, priority_id, assigned_to_users, assigned_to_groups FROM cases WHERE id = $1`,
          [id],
        )
      )[0];
    const sla = async () =>
      (
        await q<{
          escalations: { atPercent: number; firedAt: string | null }[];
          next_escalation_at: Date | null;
        }>(
          `SELECT escalations, next_escalation_at FROM sla_instances
            WHERE case_id = $1 AND name = 'Response'`,
          [id],
        )
      )[0];
    return { tenant, admin, id, p1, p2, run, kase, sla };
  }

  it('fires each rung once when its time comes, notifying whom it names', async () => {
    const notify: EscalationAction = { type: 'notify', users: ['boss'], groups: ['leads'] };
    const e = await escalating([
      { atPercent: 50, actions: [notify], dueAt: 30 },
      { atPercent: 120, actions: [notify], dueAt: 72 },
    ]);
    const before = await e.kase();
    expect(await e.run(29)).toMatchObject({ checked: 0, escalated: 0 });
    expect(await e.run(30)).toMatchObject({ checked: 1, warned: 1, escalated: 1 });
    expect(await e.run(31)).toMatchObject({ escalated: 0 });
    const sla = await e.sla();
    expect(sla.escalations.map((r) => [r.atPercent, r.firedAt && new Date(r.firedAt)])).toEqual([
      [50, at(30)],
      [120, null],
    ]);
    expect(sla.next_escalation_at).toEqual(at(72));
    // A notification is no case write.
    expect((await e.kase()).version).toBe(before.version);

    const events = await q<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, payload FROM outbox WHERE client_id = $1 AND type = 'sla.escalated'`,
      [e.tenant],
    );
    expect(events).toEqual([
      {
        type: 'sla.escalated',
        payload: expect.objectContaining({
          caseId: e.id,
          name: 'Response',
          atPercent: 50,
          actions: [notify],
          slaInstanceId: expect.any(String),
          slaDefinitionId: expect.any(String),
        }),
      },
    ]);
    const activity = await q<{ actor_id: string; data: Record<string, unknown> }>(
      `SELECT actor_id, data FROM case_activities WHERE case_id = $1 AND type = 'sla.escalated'`,
      [e.id],
    );
    expect(activity).toEqual([
      { actor_id: 'system', data: expect.objectContaining({ atPercent: 50, actions: [notify] }) },
    ]);
    await deliverNotifications(t, e.tenant);
    await deliverNotifications(t, e.tenant);
    const notified = await q(
      `SELECT recipient_kind, recipient_id, payload->>'atPercent' AS at FROM notifications
        WHERE client_id = $1 AND template = 'sla.escalated' ORDER BY recipient_kind`,
      [e.tenant],
    );
    expect(notified).toEqual([
      { recipient_kind: 'group', recipient_id: 'leads', at: '50' },
      { recipient_kind: 'user', recipient_id: 'boss', at: '50' },
    ]);

    expect(await e.run(80)).toMatchObject({ escalated: 1, violated: 1 });
    expect((await e.sla()).next_escalation_at).toBeNull();
    expect(await e.run(200)).toMatchObject({ checked: 0, escalated: 0 });
  });

  it('assigns and raises the priority as an edit: version bumped, SLAs re-selected', async () => {
    const e = await escalating([{ atPercent: 80, actions: [], dueAt: 48 }], {
      slas: [{ name: 'Urgent', warnAfterMinutes: 10, breachAfterMinutes: 20 }],
    });
    const actions: EscalationAction[] = [
      { type: 'assign', users: ['agent-2', 'agent-1'], groups: ['escalation-desk'] },
      { type: 'raisePriority', priorityId: e.p2.id },
    ];
    await q(
      `UPDATE sla_instances SET escalations = jsonb_set(escalations, '{0,actions}', $2)
              WHERE case_id = $1`,
      [e.id, JSON.stringify(actions)],
    );
    const before = await e.kase();
    expect(await e.run(48)).toMatchObject({ escalated: 1 });
    expect(await e.kase()).toEqual({
      version: before.version + 1,
      priority_id: e.p2.id,
      assigned_to_users: ['agent-1', 'agent-2'],
      assigned_to_groups: ['escalation-desk'],
    });
    const names = await q<{ name: string }>(
      `SELECT name FROM sla_instances WHERE case_id = $1 AND closed_at IS NULL ORDER BY name`,
      [e.id],
    );
    expect(names.map((n) => n.name)).toEqual(['Response', 'Urgent']);
    const updated = await q<{ actor_id: string }>(
      `SELECT actor_id FROM case_activities WHERE case_id = $1 AND type = 'case.updated'`,
      [e.id],
    );
    expect(updated).toEqual([{ actor_id: 'system' }]);
    // A client holding the old version is told so, not overwritten.
    const stale = bus.execute(
      new EditCaseCommand(e.admin, { id: e.id }, { details: 'x' }, before.version),
    );
    await expect(stale).rejects.toMatchObject({ code: expect.any(String) });
  });

  it('skips a priority the case already has or that is unusable, and still assigns', async () => {
    const e = await escalating([{ atPercent: 80, actions: [], dueAt: 10 }]);
    const gone = await new DefinitionsBuilder(t.dataSource, e.tenant).priority({ active: false });
    const set = (actions: EscalationAction[], dueAt: number) =>
      q(
        `UPDATE sla_instances
            SET escalations = jsonb_build_array(jsonb_build_object(
                  'atPercent', 80, 'actions', $2::jsonb, 'dueAt', $3::text, 'firedAt', null)),
                next_escalation_at = $3::timestamptz
          WHERE case_id = $1`,
        [e.id, JSON.stringify(actions), at(dueAt).toISOString()],
      );
    await set([{ type: 'raisePriority', priorityId: e.p1.id }], 10);
    const before = await e.kase();
    expect(await e.run(10)).toMatchObject({ escalated: 1, errors: 0 });
    expect((await e.kase()).version).toBe(before.version);

    await set(
      [
        { type: 'raisePriority', priorityId: gone.id },
        { type: 'assign', groups: ['desk'] },
      ],
      20,
    );
    expect(await e.run(20)).toMatchObject({ escalated: 1, errors: 0 });
    expect(await e.kase()).toMatchObject({
      version: before.version + 1,
      priority_id: e.p1.id,
      assigned_to_groups: ['desk'],
    });
    expect(await e.run(21)).toMatchObject({ escalated: 0 });
  });

  it('fires a paused clock’s rungs crossed before the pause only, a stopped clock’s none', async () => {
    const e = await escalating([
      { atPercent: 10, actions: [], dueAt: 5 },
      { atPercent: 40, actions: [], dueAt: 25 },
    ]);
    await q(`UPDATE sla_instances SET paused_at = $2 WHERE case_id = $1`, [e.id, at(20)]);
    expect(await e.run(30)).toMatchObject({ escalated: 1 });
    expect((await e.sla()).escalations.map((r) => r.firedAt !== null)).toEqual([true, false]);
    expect(await e.run(40)).toMatchObject({ escalated: 0 });
    await q(`UPDATE sla_instances SET paused_at = NULL, stopped_at = $2 WHERE case_id = $1`, [
      e.id,
      at(20),
    ]);
    expect(await e.run(50)).toMatchObject({ escalated: 0 });
  });
});
