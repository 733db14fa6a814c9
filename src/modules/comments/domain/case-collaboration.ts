import { randomUUID } from 'node:crypto';
import { Permission } from '../../../shared/auth/permission.enum';
import {
  InvalidCollaborationTextError,
  NotInitiatorError,
  TagNotFoundError,
  WatcherNotFoundError,
  WatchingForOthersForbiddenError,
} from './case-collaboration.errors';
import { Case } from '../../cases';
import { CaseChange } from '../../cases';
import { changedFields } from '../../cases';
import { raisedPercent, ReachedMilestone } from '../../cases';
import { nextState } from '../../cases';
import { normalizeTags } from '../../cases';
import { CaseProps, ChangeContext, PendingComment } from '../../cases';
import { COMMENT_VISIBILITIES, CommentVisibility } from '../../cases';
import { CaseCommentedEvent } from '../../cases';
import { CaseInitiatorCommentedEvent } from '../../cases';
import { CaseMessageReceivedEvent } from '../../cases';
import { CaseMessageSentEvent } from '../../cases';
import { CaseMilestoneReachedEvent } from '../../cases';
import { CaseTagRemovedEvent } from '../../cases';
import { CaseTagsAddedEvent } from '../../cases';
import { CaseWatcherAddedEvent } from '../../cases';
import { CaseWatcherRemovedEvent } from '../../cases';
import { CaseChangeData, CaseEventClass } from '../../cases';

export const MAX_COMMENT_LENGTH = 10_000;
export const MAX_SUBJECT_LENGTH = 500;
export const MAX_MESSAGE_LENGTH = 50_000;
export const MAX_MILESTONE_NAME_LENGTH = 200;

export type MessageDirection = 'OUT' | 'IN';

/** One piece of correspondence with the initiator, as stored in case_messages. */
export interface CaseMessage {
  id: string;
  direction: MessageDirection;
  from: string;
  to: string | null;
  subject: string;
  body: string;
  createdAt: Date;
  createdBy: string;
}

/** A milestone recorded by hand: it was reached in the state the case was in. */
export interface ManualMilestone extends ReachedMilestone {
  manual: true;
  recordedBy: string;
}

export type Collaboration =
  | { kind: 'comment'; text: string; visibility?: CommentVisibility }
  | { kind: 'initiatorComment'; text: string }
  | { kind: 'addTags'; tags: readonly string[] }
  | { kind: 'removeTag'; tag: string }
  | { kind: 'watch'; userId: string }
  | { kind: 'unwatch'; userId: string }
  | { kind: 'sendMessage'; subject: string; body: string; to?: string }
  | { kind: 'receiveMessage'; from: string; subject: string; body: string }
  | { kind: 'milestone'; name: string; percent?: number };

/** What a collaboration change does to a case, and the message it wrote (case_messages). */
export interface CollaborationOutcome extends CaseChange {
  message?: CaseMessage;
}

/** What the caller learns of a collaboration change. */
export interface CollaborationResult {
  /** The change answered a REQUEST_INPUT case, which is now IN_PROCESS again. */
  answeredInput: boolean;
  comment?: PendingComment;
  message?: CaseMessage;
}

function text(value: string, field: string, max: number): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw new InvalidCollaborationTextError(field, `${field} must not be blank`);
  if (trimmed.length > max) {
    throw new InvalidCollaborationTextError(field, `${field} must be at most ${max} characters`);
  }
  return trimmed;
}

function comment(
  kind: PendingComment['kind'],
  visibility: CommentVisibility,
  raw: string,
  ctx: ChangeContext,
): PendingComment {
  const body = text(raw, 'text', MAX_COMMENT_LENGTH);
  const { userId } = ctx.actor;
  return { id: randomUUID(), kind, visibility, authorId: userId, text: body, createdAt: ctx.at };
}

function message(
  direction: MessageDirection,
  from: string,
  to: string | null,
  input: { subject: string; body: string },
  ctx: ChangeContext,
): CaseMessage {
  return {
    id: randomUUID(),
    direction,
    from,
    to,
    subject: text(input.subject, 'subject', MAX_SUBJECT_LENGTH),
    body: text(input.body, 'body', MAX_MESSAGE_LENGTH),
    createdAt: ctx.at,
    createdBy: ctx.actor.userId,
  };
}

const messageData = ({ id, direction, from, to, subject, body }: CaseMessage) => ({
  messageId: id,
  direction,
  from,
  to,
  subject,
  body,
});

/** Watching is open to anyone who sees the case; doing it for someone else is an edit. */
function watcherFor(userId: string, ctx: ChangeContext): string {
  const id = userId.trim();
  if (id !== ctx.actor.userId && !ctx.actor.has(Permission.CASE_EDIT)) {
    throw new WatchingForOthersForbiddenError();
  }
  return id;
}

function withPatch(
  props: CaseProps,
  event: CaseEventClass,
  data: CaseChangeData,
  patch: CaseChange['patch'],
): CollaborationOutcome {
  return { event, data: { ...data, changes: changedFields(props, patch) }, patch };
}

function tagsAdded(props: CaseProps, tags: readonly string[]): CollaborationOutcome | null {
  nextState('edit', props.state);
  const all = normalizeTags([...props.tags, ...tags]);
  const added = all.filter((t) => !props.tags.includes(t));
  if (added.length === 0) return null;
  return withPatch(props, CaseTagsAddedEvent, { tags: added }, { tags: all });
}

function tagRemoved(props: CaseProps, raw: string): CollaborationOutcome {
  nextState('edit', props.state);
  const tag = raw.trim().toLowerCase();
  if (!props.tags.includes(tag)) throw new TagNotFoundError(tag);
  return withPatch(
    props,
    CaseTagRemovedEvent,
    { tag },
    { tags: props.tags.filter((t) => t !== tag) },
  );
}

function milestone(
  props: CaseProps,
  name: string,
  percent: number | undefined,
  ctx: ChangeContext,
): CollaborationOutcome {
  nextState('edit', props.state);
  if (percent !== undefined && !(Number.isInteger(percent) && percent >= 0 && percent <= 100)) {
    throw new InvalidCollaborationTextError('percent', 'percent must be an integer from 0 to 100');
  }
  const reached: ManualMilestone = {
    name: text(name, 'name', MAX_MILESTONE_NAME_LENGTH),
    percent: percent ?? props.completedPercent,
    onState: props.state,
    reachedAt: ctx.at.toISOString(),
    manual: true,
    recordedBy: ctx.actor.userId,
  };
  const completedPercent = raisedPercent(props.completedPercent, [reached]);
  const patch = { milestones: [...props.milestones, reached], completedPercent };
  return {
    event: CaseMilestoneReachedEvent,
    data: { milestone: reached, completedPercent },
    patch,
  };
}

/** An agent's comment is internal unless they say public; the initiator's are always public. */
function commented(
  props: CaseProps,
  change: Extract<Collaboration, { kind: 'comment' | 'initiatorComment' }>,
  ctx: ChangeContext,
): CollaborationOutcome {
  const byInitiator = change.kind === 'initiatorComment';
  if (byInitiator && ctx.actor.userId !== props.initiatorId) throw new NotInitiatorError();
  const visibility = byInitiator ? 'public' : (change.visibility ?? 'internal');
  if (!COMMENT_VISIBILITIES.includes(visibility)) {
    throw new InvalidCollaborationTextError('visibility', 'visibility must be internal or public');
  }
  const added = comment(byInitiator ? 'INITIATOR' : 'COMMENT', visibility, change.text, ctx);
  const event = byInitiator ? CaseInitiatorCommentedEvent : CaseCommentedEvent;
  const data = { commentId: added.id, commentVisibility: visibility };
  return { event, data, patch: {}, comment: added, answers: byInitiator ? change.kind : undefined };
}

function watched(
  props: CaseProps,
  change: { kind: 'watch' | 'unwatch'; userId: string },
  ctx: ChangeContext,
): CollaborationOutcome | null {
  const userId = watcherFor(change.userId, ctx);
  const watching = props.watchers.includes(userId);
  if (change.kind === 'watch') {
    if (watching) return null;
    const patch = { watchers: [...props.watchers, userId] };
    return withPatch(props, CaseWatcherAddedEvent, { userId }, patch);
  }
  if (!watching) throw new WatcherNotFoundError(userId);
  const patch = { watchers: props.watchers.filter((w) => w !== userId) };
  return withPatch(props, CaseWatcherRemovedEvent, { userId }, patch);
}

/** Outbound messages go to `to` or, by default, the initiator; inbound ones answer for the initiator. */
function corresponded(
  props: CaseProps,
  change: Extract<Collaboration, { kind: 'sendMessage' | 'receiveMessage' }>,
  ctx: ChangeContext,
): CollaborationOutcome {
  const inbound = change.kind === 'receiveMessage';
  const recorded = inbound
    ? message('IN', text(change.from, 'from', MAX_SUBJECT_LENGTH), null, change, ctx)
    : message('OUT', ctx.actor.userId, change.to?.trim() || props.initiatorId, change, ctx);
  const event = inbound ? CaseMessageReceivedEvent : CaseMessageSentEvent;
  const data = messageData(recorded);
  return { event, data, patch: {}, message: recorded, answers: inbound ? change.kind : undefined };
}

/**
 * What comments, tags, watchers, messages and manual milestones do to a case, or null when the
 * change is already in place. Tags and milestones are edits (not on a closed case); the
 * conversation and watchers stay open in every state.
 */
export function collaborationOutcome(
  props: CaseProps,
  change: Collaboration,
  ctx: ChangeContext,
): CollaborationOutcome | null {
  switch (change.kind) {
    case 'comment':
    case 'initiatorComment':
      return commented(props, change, ctx);
    case 'addTags':
      return tagsAdded(props, change.tags);
    case 'removeTag':
      return tagRemoved(props, change.tag);
    case 'watch':
    case 'unwatch':
      return watched(props, change, ctx);
    case 'sendMessage':
    case 'receiveMessage':
      return corresponded(props, change, ctx);
    case 'milestone':
      return milestone(props, change.name, change.percent, ctx);
  }
}

/** Applies a collaboration change to the case (Case.applyChange), or nothing when in place. */
export function collaborate(
  kase: Case,
  change: Collaboration,
  ctx: ChangeContext,
): CollaborationResult {
  const outcome = collaborationOutcome(kase.snapshot, change, ctx);
  if (!outcome) return { answeredInput: false };
  const { answeredInput } = kase.applyChange(outcome, ctx);
  return { answeredInput, comment: outcome.comment, message: outcome.message };
}
