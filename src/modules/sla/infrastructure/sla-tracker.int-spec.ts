import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DefinitionsBuilder } from '../../../../test/support/builders/definitions.builder';
import { userActor } from '../../../../test/support/case-trail';
import {
  createTestModule,
  TEST_START,
  TestModule,
  CASE_PATH_MODULES,
} from '../../../../test/support/test-module';
import { SlaModule } from '../sla.module';
import { newTenant } from '../../../../test/support/test-env';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseState } from '../../../shared/domain/case-state';
import { TransactionalDispatcher } from '../../../shared/outbox/transactional-dispatcher';
import { CreateCaseCommand } from '../../cases';
import { EditCaseCommand } from '../../cases';
import { HoldCaseCommand } from '../../cases';
import { OpenCaseCommand } from '../../cases';
import { ProcessCaseCommand } from '../../cases';
import { ReopenCaseCommand } from '../../cases';
import { ResolveCaseCommand } from '../../cases';
import { GetCaseQuery } from '../../cases';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);

interface InstanceRow {
  id: string;
  sla_definition_id: string;
  warn_at: Date;
  breach_at: Date;
  paused_at: Date | null;
  stopped_at: Date | null;
  closed_at: Date | null;
  next_mark_at: Date | null;
  pause_in_states: string[];
}

/** The SLA clocks move inside the case command's transaction (CaseClocksSubscriber). */
/** The SLA clocks and checks on the case commands that move them, without HTTP. */
const SLA_MODULES = [...CASE_PATH_MODULES, SlaModule];

describe(`SLA tracker (integration, ${engine})`, () => {
  let t: TestModule;
  let bus: CommandBus;
  const tenant = newTenant();
  const admin = userActor(tenant);
  let defs: DefinitionsBuilder;

  beforeAll(async () => {
    t = await createTestModule(SLA_MODULES);
    bus = t.get(CommandBus);
    defs = new DefinitionsBuilder(t.dataSource, tenant);
  });
  beforeEach(() => t.clock.set(TEST_START));
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  const instances = (caseId: string): Promise<InstanceRow[]> =>
    t.dataSource.query(
      `SELECT id, sla_definition_id, warn_at, breach_at, paused_at, stopped_at, closed_at,
              next_mark_at, pause_in_states
         FROM sla_instances WHERE client_id = $1 AND case_id = $2 ORDER BY created_at, name`,
      [tenant, caseId],
    );

  async function createCase(
    spec: Parameters<DefinitionsBuilder['caseType']>[0],
    priorityId?: string,
  ) {
    const type = await defs.caseType(spec);
    const id: string = await bus.execute(
      new CreateCaseCommand(admin, { caseTypeId: type.id, details: 'SLA clock', priorityId }),
    );
    return id;
  }

  async function step(minute: number, command: (ref: { id: string }) => object, id: string) {
    t.clock.set(at(minute));
    await bus.execute(command({ id }) as never);
  }

  it('snapshots the pause states and pauses / resumes with the case', async () => {
    const id = await createCase({
      slas: [
        {
          name: 'Response',
          warnAfterMinutes: 30,
          breachAfterMinutes: 60,
          pauseInStates: [CaseState.ON_HOLD],
        },
      ],
    });
    expect(await instances(id)).toEqual([
      expect.objectContaining({ warn_at: at(30), pause_in_states: ['ON_HOLD'], paused_at: null }),
    ]);
    await step(5, (ref) => new OpenCaseCommand(admin, ref), id);
    await step(10, (ref) => new HoldCaseCommand(admin, ref, 'parts'), id);
    expect(await instances(id)).toEqual([
      expect.objectContaining({ paused_at: at(10), warn_at: at(30), next_mark_at: null }),
    ]);
    await step(40, (ref) => new ProcessCaseCommand(admin, ref), id);
    expect(await instances(id)).toEqual([
      expect.objectContaining({
        paused_at: null,
        warn_at: at(60),
        breach_at: at(90),
        next_mark_at: at(60),
      }),
    ]);
  });

  it('stops on resolve and resumes on reopen, keeping the elapsed time', async () => {
    const id = await createCase({
      slas: [{ name: 'Resolution', warnAfterMinutes: 30, breachAfterMinutes: 60 }],
    });
    await step(1, (ref) => new OpenCaseCommand(admin, ref), id);
    await step(20, (ref) => new ResolveCaseCommand(admin, ref, 'Fixed'), id);
    expect(await instances(id)).toEqual([
      expect.objectContaining({ stopped_at: at(20), warn_at: at(30), next_mark_at: null }),
    ]);
    await step(200, (ref) => new ReopenCaseCommand(admin, ref), id);
    expect(await instances(id)).toEqual([
      expect.objectContaining({ stopped_at: null, warn_at: at(210), breach_at: at(240) }),
    ]);
  });

  it('starts paused when the case is created in a pause state', async () => {
    const id = await createCase({
      slas: [
        {
          name: 'Triage',
          warnAfterMinutes: 0,
          breachAfterMinutes: 10,
          pauseInStates: [CaseState.NEW],
        },
      ],
    });
    expect(await instances(id)).toEqual([
      expect.objectContaining({ paused_at: TEST_START, next_mark_at: TEST_START }),
    ]);
    await step(15, (ref) => new OpenCaseCommand(admin, ref), id);
    // The 0-minute warning was already owed at creation and stays put; the breach moves.
    expect(await instances(id)).toEqual([
      expect.objectContaining({ paused_at: null, warn_at: at(15), breach_at: at(25) }),
    ]);
  });

  it('re-selects the SLAs on a priority change, keeping the closed ones as history', async () => {
    const [p1, p2] = [await defs.priority({ level: 1 }), await defs.priority({ level: 2 })];
    const id = await createCase(
      {
        slas: [
          { name: 'A every priority', warnAfterMinutes: 60, breachAfterMinutes: 120 },
          { name: 'B P1', priorityId: p1.id, warnAfterMinutes: 10, breachAfterMinutes: 20 },
          {
            name: 'C P2',
            priorityId: p2.id,
            warnAfterMinutes: 30,
            breachAfterMinutes: 90,
            pauseInStates: [CaseState.ON_HOLD],
          },
        ],
      },
      p1.id,
    );
    const before = await instances(id);
    expect(before.map((i) => i.closed_at)).toEqual([null, null]);
    await step(5, (ref) => new OpenCaseCommand(admin, ref), id);
    await step(7, (ref) => new HoldCaseCommand(admin, ref), id);
    await step(12, (ref) => new EditCaseCommand(admin, ref, { priorityId: p2.id }), id);

    const after = await instances(id);
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({ id: before[0].id, closed_at: null });
    expect(after[1]).toMatchObject({ id: before[1].id, closed_at: at(12), next_mark_at: null });
    // Started at the change, on hold: paused at once.
    expect(after[2]).toMatchObject({ warn_at: at(42), paused_at: at(12), closed_at: null });

    const [entry] = (await t.dataSource.query(
      `SELECT actor_id, data FROM case_activities
        WHERE client_id = $1 AND case_id = $2 AND type = 'sla.reselected'`,
      [tenant, id],
    )) as { actor_id: string; data: Record<string, unknown> }[];
    expect(entry).toMatchObject({
      actor_id: 'alice',
      data: {
        priorityId: { old: p1.id, new: p2.id },
        closed: [{ id: before[1].id, name: 'B P1' }],
        started: [{ id: after[2].id, name: 'C P2', warnAt: at(42).toISOString() }],
      },
    });
    // The re-selection is logged after the edit that caused it.
    const types = (await t.dataSource.query(
      `SELECT type FROM case_activities WHERE client_id = $1 AND case_id = $2 ORDER BY seq`,
      [tenant, id],
    )) as { type: string }[];
    expect(types.map((r) => r.type).slice(-2)).toEqual(['case.updated', 'sla.reselected']);
    const view = await t.get(QueryBus).execute(new GetCaseQuery(admin, { id }));
    expect(view.slaInstanceIds).toEqual([before[0].id, after[2].id]);
  });

  it('moves nothing when the command fails later in its transaction', async () => {
    const id = await createCase({
      slas: [
        {
          name: 'Response',
          warnAfterMinutes: 30,
          breachAfterMinutes: 60,
          pauseInStates: [CaseState.ON_HOLD],
        },
      ],
    });
    await step(5, (ref) => new OpenCaseCommand(admin, ref), id);
    const before = await instances(id);
    // A failure once the clocks have moved (the in-transaction subscribers all ran) takes them back.
    const dispatcher = t.get(TransactionalDispatcher);
    const dispatch = dispatcher.dispatch.bind(dispatcher);
    jest.spyOn(dispatcher, 'dispatch').mockImplementationOnce(async (events) => {
      await dispatch(events);
      const [moved] = await t
        .get(TransactionManager)
        .query<{ paused_at: Date | null }>(
          `SELECT paused_at FROM sla_instances WHERE case_id = $1`,
          [id],
        );
      expect(moved.paused_at).toEqual(at(10));
      throw new Error('outbox down');
    });
    t.clock.set(at(10));
    await expect(bus.execute(new HoldCaseCommand(admin, { id }))).rejects.toThrow('outbox down');
    expect(await instances(id)).toEqual(before);
  });
});
