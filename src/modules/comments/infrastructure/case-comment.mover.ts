import { Injectable } from '@nestjs/common';
import { moveCaseRows } from '../../../shared/database/move-case-rows';
import { TransactionManager } from '../../../shared/database/transaction-manager';

/**
 * Moves comment rows from one case of a tenant to another, in the caller's transaction (which
 * holds both case rows): for case merges. The comments keep their ids, authors and times.
 */
@Injectable()
export class CaseCommentMover {
  constructor(private readonly tx: TransactionManager) {}

  /** Moves all comments of `fromCaseId`, or only those of `ids` still on it; the ids moved. */
  async move(
    clientId: string,
    fromCaseId: string,
    toCaseId: string,
    ids?: readonly string[],
  ): Promise<string[]> {
    return moveCaseRows(this.tx, 'case_comments', { clientId, fromCaseId, toCaseId, ids });
  }
}
