import { randomUUID } from 'node:crypto';
import { AggregateRoot } from '../../../shared/domain/aggregate-root';
import { CaseState } from '../../../shared/domain/case-state';
import { CaseChange } from './case-change';
import { changedFields, editPatch } from './case-edit';
import { CaseFields, fieldChanges, fieldsAfterEdit, fieldsForTransfer } from './case-fields';
import {
  commentOf,
  createdData,
  newCaseProps,
  relationOf,
  rulesOf,
  subjectOf,
  transferSeed,
} from './case-factory';
import { actingFor } from './case-proxy.policy';
import { milestonesReached, raisedPercent } from './case-milestones';
import { nextState } from './case-transitions';
import { unmergePatch } from './case-unmerge';
import { CasePriority, CaseTypeConfig } from './case-type-config.reader';
import {
  CaseAlreadyClaimedError,
  CaseAlreadyMergedError,
  CaseNotMergedError,
  CaseNotClaimedByCallerError,
  CaseTypeUnavailableError,
  ResolutionRequiredError,
  SameCaseTypeTransferError,
  StaleCaseVersionError,
} from './case.errors';
import {
  CaseEditInput,
  CaseProps,
  CaseBeforeMerge,
  CaseRelation,
  CaseSeed,
  CaseTypeRules,
  ChangeContext,
  NewCaseInput,
} from './case.props';
import { CaseCreatedEvent } from './events/case-created.event';
import { CaseMilestoneReachedEvent } from './events/case-milestone-reached.event';
import { ACTION_EVENTS, LifecycleAction } from './events/case-action-events';
import { CaseUnmergedEvent } from './events/case-unmerged.event';
import { CaseUpdatedEvent } from './events/case-updated.event';
import { CaseChangeData, CaseEventClass, CaseEventContext } from './events/case.event';

/** A case instance: its lifecycle (CASE_TRANSITIONS), assignment, milestones and audit trail. */
export class Case extends AggregateRoot {
  private constructor(
    private props: CaseProps,
    private readonly rules: CaseTypeRules,
    private fresh: boolean,
  ) {
    super();
  }

  static create(
    input: NewCaseInput & { seq: number },
    type: CaseTypeConfig,
    priority: CasePriority | null,
    ctx: ChangeContext,
  ): Case {
    const initiatorId = input.initiatorId ?? ctx.actor.userId;
    const onBehalfOf = actingFor(ctx.actor, initiatorId, 'initiatorId');
    return Case.build({ ...input, initiatorId }, type, priority, ctx, null, { onBehalfOf });
  }

  static restore(props: CaseProps, rules: CaseTypeRules): Case {
    return new Case({ ...props }, rules, false);
  }

  get id(): string {
    return this.props.id;
  }

  get isNew(): boolean {
    return this.fresh;
  }

  /** The type's current custom field definitions (what an edit's `fields` are checked against). */
  get fieldDefinitions(): CaseTypeRules['fields'] {
    return this.rules.fields;
  }

  get snapshot(): Readonly<CaseProps> {
    return this.props;
  }

  /** An If-Match (or body) version other than the current one is a stale write. */
  expectVersion(expected: number | undefined): void {
    if (expected !== undefined && expected !== this.props.version) {
      throw new StaleCaseVersionError(expected, this.props.version);
    }
  }

  /** `priority` is the looked-up priority when `input.priorityId` changes it. */
  edit(input: CaseEditInput, priority: CasePriority | null, ctx: ChangeContext): void {
    nextState('edit', this.props.state);
    const onBehalfOf = actingFor(ctx.actor, input.onBehalfOf, 'onBehalfOf');
    const patch = editPatch(this.props, input, priority, this.rules.warnBeforeHours);
    const changes = changedFields(this.props, patch);
    if (input.fields) {
      patch.fields = fieldsAfterEdit(this.rules.fields, this.props.fields, input.fields);
      Object.assign(changes, fieldChanges(this.props.fields, patch.fields));
    }
    if (Object.keys(changes).length === 0) return;
    this.change(patch, ctx);
    this.emit(CaseUpdatedEvent, ctx, { changes }, onBehalfOf);
  }

  open(ctx: ChangeContext): void {
    this.move('open', ctx);
  }

  process(ctx: ChangeContext): void {
    this.move('process', ctx);
  }

  requestInput(ctx: ChangeContext): void {
    this.move('requestInput', ctx);
  }

  hold(ctx: ChangeContext, reason?: string): void {
    this.move('hold', ctx, reason ? { reason } : {});
  }

  resolve(ctx: ChangeContext, resolution: string): void {
    nextState('resolve', this.props.state);
    const text = resolution?.trim();
    if (!text) throw new ResolutionRequiredError();
    const patch = { resolution: text, resolvedBy: ctx.actor.userId, resolutionDate: ctx.at };
    this.move('resolve', ctx, {}, patch);
  }

  complete(ctx: ChangeContext): void {
    this.move('complete', ctx);
  }

  cancel(ctx: ChangeContext, reason?: string): void {
    this.move('cancel', ctx, reason ? { reason } : {});
  }

  /** The resolution is cleared; the activity log keeps it. */
  reopen(ctx: ChangeContext): void {
    this.move('reopen', ctx, {}, { resolution: null, resolvedBy: null, resolutionDate: null });
  }

  /** The caller becomes the only assigned user; groups stay. */
  claim(ctx: ChangeContext): void {
    nextState('claim', this.props.state);
    const others = this.props.assignedToUsers.filter((u) => u !== ctx.actor.userId);
    if (others.length > 0) throw new CaseAlreadyClaimedError(others);
    this.move('claim', ctx, {}, { assignedToUsers: [ctx.actor.userId] });
  }

  /** Only a claimer may give the case back (or a CASE_ALL holder, for anyone). */
  unclaim(ctx: ChangeContext): void {
    nextState('unclaim', this.props.state);
    const users = this.props.assignedToUsers;
    const allowed = users.includes(ctx.actor.userId) || (users.length > 0 && ctx.actor.isAdmin);
    if (!allowed) throw new CaseNotClaimedByCallerError();
    this.move('unclaim', ctx, {}, { assignedToUsers: [] });
  }

  /** Cancels this case in favour of a new case of the target type, and returns that case. */
  transferOut(
    target: CaseTypeConfig,
    priority: CasePriority | null,
    seq: number,
    ctx: ChangeContext,
  ): Case {
    nextState('transferOut', this.props.state);
    if (target.id === this.props.caseTypeId) throw new SameCaseTypeTransferError();
    const relation = relationOf(this.props, this.rules.name, ctx);
    const seed = transferSeed(this.props, seq, target.id);
    const fields = fieldsForTransfer(target.fields, this.props.fields);
    const moved = Case.build(seed, target, priority, { ...ctx, comment: undefined }, relation, {
      fields,
    });
    const transferredTo = relationOf(moved.props, target.name, ctx);
    this.move('transferOut', ctx, {}, { transferredTo });
    return moved;
  }

  /**
   * Cancels the case as merged into `targetId`; its tags and watchers go with its content (moved
   * by the merge, `data` says what), so the case keeps neither.
   */
  mergeInto(targetId: string, data: CaseChangeData, ctx: ChangeContext): void {
    if (this.props.mergedInto) throw new CaseAlreadyMergedError();
    this.move('mergeInto', ctx, data, { mergedInto: targetId, tags: [], watchers: [] });
  }

  /** Undoes mergeInto (see unmergePatch). */
  unmerge(before: CaseBeforeMerge, data: CaseChangeData, ctx: ChangeContext): void {
    nextState('unmerge', this.props.state);
    if (!this.props.mergedInto) throw new CaseNotMergedError();
    const { patch, changes } = unmergePatch(this.props, before);
    const [fromState, toState] = [this.props.state, before.state];
    this.change({ ...patch, state: toState }, ctx);
    this.emit(CaseUnmergedEvent, ctx, { fromState, toState, ...data, changes });
  }

  /**
   * A change decided by another module's rules (comments, tags, watchers, messages, manual
   * milestones: comments/domain; documents: documents/domain). A change that answers the
   * initiator's input moves a REQUEST_INPUT case back to IN_PROCESS.
   */
  applyChange(change: CaseChange, ctx: ChangeContext): { answeredInput: boolean } {
    this.change(change.patch, ctx);
    this.emit(change.event, ctx, change.data, null, { comment: change.comment });
    const answeredInput = !!change.answers && this.props.state === CaseState.REQUEST_INPUT;
    if (answeredInput)
      this.move('process', { ...ctx, comment: undefined }, { answeredBy: change.answers });
    return { answeredInput };
  }

  /** Called by the repository once the row is written at `version`. */
  markSaved(version: number): void {
    this.fresh = false;
    this.props = { ...this.props, version };
  }

  private static build(
    seed: CaseSeed,
    type: CaseTypeConfig,
    priority: CasePriority | null,
    ctx: ChangeContext,
    relation: CaseRelation | null,
    { onBehalfOf = null, fields }: { onBehalfOf?: string | null; fields?: CaseFields } = {},
  ): Case {
    if (!type.available) throw new CaseTypeUnavailableError(type.name);
    const props = newCaseProps(randomUUID(), seed, type, priority, ctx, relation, fields);
    const kase = new Case(props, rulesOf(type), true);
    const created = { slaDefinitions: type.slas, assignment: type.assignment };
    kase.emit(CaseCreatedEvent, ctx, createdData(props), onBehalfOf, created);
    kase.reachMilestones(ctx);
    return kase;
  }

  /** Checks the transition table, applies the patch, records the event and any milestone. */
  private move(
    action: LifecycleAction,
    ctx: ChangeContext,
    data: CaseChangeData = {},
    patch: Partial<CaseProps> = {},
  ): void {
    const fromState = this.props.state;
    const toState = nextState(action, fromState);
    const changes = changedFields(this.props, patch);
    const comment = commentOf(ctx);
    this.change({ ...patch, state: toState }, ctx);
    const states = toState === fromState ? {} : { fromState, toState };
    const changed = Object.keys(changes).length > 0 ? { changes } : {};
    const commentId = comment
      ? { commentId: comment.id, commentVisibility: comment.visibility }
      : {};
    const eventData = { ...states, ...data, ...changed, ...commentId };
    this.emit(ACTION_EVENTS[action], ctx, eventData, null, { comment });
    if (toState !== fromState) this.reachMilestones(ctx);
  }

  private reachMilestones(ctx: ChangeContext): void {
    const { milestones, completedPercent, state } = this.props;
    const reached = milestonesReached(this.rules.milestones, state, milestones, ctx.at);
    if (reached.length === 0) return;
    const raised = raisedPercent(completedPercent, reached);
    const raisedProps = { milestones: [...milestones, ...reached], completedPercent: raised };
    this.props = { ...this.props, ...raisedProps };
    for (const milestone of reached) {
      this.emit(CaseMilestoneReachedEvent, ctx, { milestone, completedPercent: raised });
    }
  }

  private change(patch: Partial<CaseProps>, ctx: ChangeContext): void {
    this.props = { ...this.props, ...patch, updatedAt: ctx.at, updatedBy: ctx.actor.userId };
  }

  private emit(
    event: CaseEventClass,
    ctx: ChangeContext,
    data: CaseChangeData,
    onBehalfOf: string | null = null,
    { comment, slaDefinitions, assignment }: Omit<CaseEventContext, 'case'> = {},
  ): void {
    const { clientId, id } = this.props;
    const context = {
      case: subjectOf(this.props),
      ...(comment && { comment }),
      ...(slaDefinitions && { slaDefinitions }),
      ...(assignment !== undefined && { assignment }),
    };
    this.record(new event(clientId, id, ctx.at, ctx.actor.userId, onBehalfOf, data, context));
  }
}
