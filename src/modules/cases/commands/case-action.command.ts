import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../shared/auth/actor';
import { CaseRef } from '../../../shared/domain/case-ref';

export interface CaseActionOptions {
  /** Stored as a comment in the same transaction; its id goes into the activity entry. */
  comment?: string;
  /** If-Match: the version the caller saw; another one is a stale write (409). */
  expectedVersion?: number;
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
