import { CommandBus } from '@nestjs/cqrs';
import { DefinitionsBuilder } from '../../../../test/support/builders/definitions.builder';
import { caseTrail, CaseTrail, tenantCounts, userActor } from '../../../../test/support/case-trail';
import {
  createTestModule,
  TestModule,
  CASE_PATH_MODULES,
} from '../../../../test/support/test-module';
import { CommentsModule } from '../../comments';
import { SlaModule } from '../../sla';
import { newTenant } from '../../../../test/support/test-env';
import { Actor } from '../../../shared/auth/actor';
import { CaseState } from '../../../shared/domain/case-state';
import { ActivityLog } from '../../activity';
import { CancelCaseCommand } from './cancel-case/cancel-case.command';
import { CaseActionCommand, CaseActionOptions } from './case-action.command';
import { ClaimCaseCommand } from './claim-case/claim-case.command';
import { CompleteCaseCommand } from './complete-case/complete-case.command';
import { CreateCaseCommand } from './create-case/create-case.command';
import { HoldCaseCommand } from './hold-case/hold-case.command';
import { OpenCaseCommand } from './open-case/open-case.command';
import { ProcessCaseCommand } from './process-case/process-case.command';
import { ReopenCaseCommand } from './reopen-case/reopen-case.command';
import { RequestCaseInputCommand } from './request-case-input/request-case-input.command';
import { ResolveCaseCommand } from './resolve-case/resolve-case.command';
import { TransferCaseCommand } from './transfer-case/transfer-case.command';
import { UnclaimCaseCommand } from './unclaim-case/unclaim-case.command';

type Ref = { id: string };
type Make = (a: Actor, ref: Ref, o: CaseActionOptions, targetTypeId: string) => CaseActionCommand;

const { NEW, OPENED, IN_PROCESS, RESOLVED, CANCELED, REOPENED, ON_HOLD, REQUEST_INPUT } = CaseState;

/** Each action from a state that allows it: the command, the state it leads to, its event. */
const ACTIONS: [string, CaseState[], Make, CaseState, string][] = [
  ['open', [], (a, r, o) => new OpenCaseCommand(a, r, o), OPENED, 'case.opened'],
  [
    'process',
    [OPENED],
    (a, r, o) => new ProcessCaseCommand(a, r, o),
    IN_PROCESS,
    'case.processing-started',
  ],
  [
    'request-input',
    [OPENED],
    (a, r, o) => new RequestCaseInputCommand(a, r, o),
    REQUEST_INPUT,
    'case.input-requested',
  ],
  [
    'hold',
    [OPENED],
    (a, r, o) => new HoldCaseCommand(a, r, 'parts', o),
    ON_HOLD,
    'case.put-on-hold',
  ],
  [
    'resolve',
    [OPENED],
    (a, r, o) => new ResolveCaseCommand(a, r, 'Fixed', o),
    RESOLVED,
    'case.resolved',
  ],
  [
    'complete',
    [OPENED, RESOLVED],
    (a, r, o) => new CompleteCaseCommand(a, r, o),
    CaseState.COMPLETED,
    'case.completed',
  ],
  [
    'cancel',
    [OPENED],
    (a, r, o) => new CancelCaseCommand(a, r, 'dup', o),
    CANCELED,
    'case.canceled',
  ],
  [
    'reopen',
    [OPENED, RESOLVED],
    (a, r, o) => new ReopenCaseCommand(a, r, o),
    REOPENED,
    'case.reopened',
  ],
  ['claim', [OPENED], (a, r, o) => new ClaimCaseCommand(a, r, o), OPENED, 'case.claimed'],
  [
    'unclaim',
    [OPENED, 'claim' as never],
    (a, r, o) => new UnclaimCaseCommand(a, r, o),
    OPENED,
    'case.unclaimed',
  ],
  [
    'transfer',
    [OPENED],
    (a, r, o, type) => new TransferCaseCommand(a, r, type, o),
    CANCELED,
    'case.transferred',
  ],
];

/** The case commands and the modules whose in-transaction subscribers write their trail, without HTTP. */
const CASE_MODULES = [...CASE_PATH_MODULES, CommentsModule, SlaModule];

describe('case action handlers (integration): case + activity + outbox commit together', () => {
  let t: TestModule;
  let bus: CommandBus;
  let activityLog: ActivityLog;

  beforeAll(async () => {
    t = await createTestModule(CASE_MODULES);
    bus = t.get(CommandBus);
    activityLog = t.get(ActivityLog);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  async function prepared(path: CaseState[]) {
    const tenant = newTenant();
    const defs = new DefinitionsBuilder(t.dataSource, tenant);
    const [type, target] = [await defs.caseType(), await defs.caseType()];
    const admin = userActor(tenant);
    const id: string = await bus.execute(
      new CreateCaseCommand(admin, { caseTypeId: type.id, details: 'Printer on fire' }),
    );
    const steps: Record<string, Make> = {
      [OPENED]: (a, r) => new OpenCaseCommand(a, r),
      [RESOLVED]: (a, r) => new ResolveCaseCommand(a, r, 'Fixed'),
      claim: (a, r) => new ClaimCaseCommand(a, r),
    };
    for (const step of path) await bus.execute(steps[step](admin, { id }, {}, target.id));
    return { tenant, admin, id, target: target.id };
  }

  const snapshot = (trail: CaseTrail) => ({
    row: trail.row,
    activities: trail.activities.length,
    outbox: trail.outbox,
    comments: trail.comments.length,
  });

  describe.each(ACTIONS)('%s', (_name, path, make, toState, eventType) => {
    it('rolls everything back when the activity log fails after the case update', async () => {
      const { tenant, admin, id, target } = await prepared(path);
      const before = snapshot(await caseTrail(t.dataSource, tenant, id));
      const countsBefore = await tenantCounts(t.dataSource, tenant);
      jest.spyOn(activityLog, 'append').mockRejectedValueOnce(new Error('log down'));
      const command = make(admin, { id }, { comment: 'with a note' }, target);
      await expect(bus.execute(command)).rejects.toThrow('log down');
      expect(snapshot(await caseTrail(t.dataSource, tenant, id))).toEqual(before);
      expect(await tenantCounts(t.dataSource, tenant)).toEqual(countsBefore);
    });

    it('commits the new state, a version bump, the comment, the activity and the event', async () => {
      const { tenant, admin, id, target } = await prepared(path);
      const version = (await caseTrail(t.dataSource, tenant, id)).row?.version as number;
      await bus.execute(make(admin, { id }, { comment: 'with a note' }, target));
      const trail = await caseTrail(t.dataSource, tenant, id);
      expect(trail.row).toMatchObject({ state: toState, version: version + 1 });
      const last = trail.activities[trail.activities.length - 1];
      expect(last).toMatchObject({ type: eventType, actor_id: 'alice' });
      expect(trail.comments.map((c) => [c.text, c.kind])).toEqual([['with a note', 'COMMENT']]);
      expect(last.data.commentId).toBe(trail.comments[0].id);
      expect(trail.outbox).toContain(eventType);
    });
  });

  it('transfer also rolls back the new case when the later write of the original fails', async () => {
    const { tenant, admin, id, target } = await prepared([OPENED]);
    const counts = await tenantCounts(t.dataSource, tenant);
    // The new case is saved (with its activities) first; the original's activities then fail.
    const realAppend = activityLog.append.bind(activityLog);
    const spy = jest
      .spyOn(activityLog, 'append')
      .mockImplementationOnce(realAppend)
      .mockRejectedValueOnce(new Error('log down'));
    await expect(bus.execute(new TransferCaseCommand(admin, { id }, target))).rejects.toThrow(
      'log down',
    );
    expect(spy).toHaveBeenCalledTimes(2);
    expect(await tenantCounts(t.dataSource, tenant)).toEqual(counts);
    expect((await caseTrail(t.dataSource, tenant, id)).row).toMatchObject({
      state: OPENED,
      transferred_to: null,
    });
  });

  it('a disallowed action changes nothing: no version bump, no activity, no outbox row', async () => {
    const { tenant, admin, id } = await prepared([]);
    const before = snapshot(await caseTrail(t.dataSource, tenant, id));
    await expect(bus.execute(new CompleteCaseCommand(admin, { id }))).rejects.toMatchObject({
      code: 'CASE4091',
    });
    expect(snapshot(await caseTrail(t.dataSource, tenant, id))).toEqual(before);
    expect(before.row).toMatchObject({ state: NEW, version: 1 });
  });
});
