import { CaseMerge, MovedContent } from './case-merge';

/**
 * Port of the merge store and of what a merge moves through the other modules (comments,
 * documents, links); every write joins the caller's transaction, which holds both case rows.
 */
export abstract class CaseMergeRepository {
  /** Moves the comments and documents of `fromCaseId` (only those of `only`, if given) over. */
  abstract moveContent(
    clientId: string,
    fromCaseId: string,
    toCaseId: string,
    only?: MovedContent,
  ): Promise<MovedContent>;
  /** Adds `source duplicate-of target`; the link's id, or null when it is there already. */
  abstract link(
    merge: Pick<CaseMerge, 'clientId' | 'sourceCaseId' | 'targetCaseId'>,
    actorId: string,
    at: Date,
  ): Promise<string | null>;
  abstract unlink(merge: CaseMerge, actorId: string, at: Date): Promise<void>;
  abstract add(merge: CaseMerge): Promise<void>;
  /**
   * The open merge of the source case, else its latest one. Not locked: every write of a case's
   * merges holds that case's row.
   */
  abstract latestOf(clientId: string, sourceCaseId: string): Promise<CaseMerge | null>;
  abstract markUndone(merge: CaseMerge, actorId: string, at: Date): Promise<void>;
}
