import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../shared/auth/actor';
import { CaseRef } from '../../../shared/domain/case-ref';
import { ChangeContext, CommentVisibility } from '../domain/case.props';

export interface CaseActionOptions {
  /** Stored as a comment in the same transaction; its id goes into the activity entry. */
  comment?: string;
  /** Of `comment`; absent: internal. */
  commentVisibility?: CommentVisibility;
  /** If-Match: the version the caller saw; another one is a stale write (409). */
  expectedVersion?: number;
}

/** The change context of an action: who, when, and its optional comment with that comment's visibility. */
export function actionContext(actor: Actor, at: Date, options: CaseActionOptions): ChangeContext {
  const { comment, commentVisibility } = options;
  return { actor, at, comment, commentVisibility };
}

/** What every lifecycle action on an existing case carries. Resolves to the case id. */
export abstract class CaseActionCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly caseRef: CaseRef,
    readonly options: CaseActionOptions = {},
  ) {
    super();
  }
}
