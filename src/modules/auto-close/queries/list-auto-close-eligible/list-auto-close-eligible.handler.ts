import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { DomainError } from '../../../../shared/errors/domain-error';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { Clock } from '../../../../shared/time/clock';
import { AutoCloseEligibleDto } from '../../http/auto-close-eligible.response.dto';
import { eligibleCases } from '../eligible-cases.sql';
import { ListAutoCloseEligibleQuery } from './list-auto-close-eligible.query';

/** What `eligibleCases` writes into cursors; anything else never reaches SQL. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

@QueryHandler(ListAutoCloseEligibleQuery)
export class ListAutoCloseEligibleHandler implements IQueryHandler<ListAutoCloseEligibleQuery> {
  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  async execute({
    actor,
    limit,
    cursor,
  }: ListAutoCloseEligibleQuery): Promise<ListEnvelope<AutoCloseEligibleDto>> {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']) as [string, string] | undefined;
    if (after && !CURSOR_TIME.test(after[0])) throw new DomainError(ErrorCode.InvalidCursor);
    const rows = await eligibleCases(this.tx, {
      clientId: actor.clientId,
      now: this.clock.now(),
      limit: limit + 1,
      after,
    });
    const page = toPage(rows, limit, (r) => [r.cursorAt, r.caseId]);
    return { ...page, data: page.data.map(({ cursorAt: _, ...dto }) => dto) };
  }
}
