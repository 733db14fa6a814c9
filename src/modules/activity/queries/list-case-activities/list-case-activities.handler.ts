import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { caseRefCondition } from '../../../../shared/domain/case-ref';
import { DomainError } from '../../../../shared/errors/domain-error';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { ActivityCaseNotFoundError } from '../../domain/activity.errors';
import { CaseActivityResponseDto } from '../../http/case-activity.response.dto';
import { ListCaseActivitiesQuery } from './list-case-activities.query';

type Row = CaseActivityResponseDto & { seq: string };

/** Oldest first, by insertion order: a case's commands are serialized, so `seq` is their order. */
@QueryHandler(ListCaseActivitiesQuery)
export class ListCaseActivitiesHandler implements IQueryHandler<ListCaseActivitiesQuery> {
  constructor(private readonly tx: TransactionManager) {}

  async execute({
    actor,
    caseRef,
    limit,
    cursor,
  }: ListCaseActivitiesQuery): Promise<ListEnvelope<CaseActivityResponseDto>> {
    const after = decodeCursor(cursor, ['string'])?.[0] as string | undefined;
    if (after !== undefined && !/^\d{1,18}$/.test(after)) {
      throw new DomainError(ErrorCode.InvalidCursor);
    }
    const { column, value } = caseRefCondition(caseRef);
    const [found] = await this.tx.query<{ id: string }>(
      `SELECT id FROM cases WHERE client_id = $1 AND ${column} = $2`,
      [actor.clientId, value],
    );
    if (!found) throw new ActivityCaseNotFoundError();
    const rows = await this.tx.query<Row>(
      `SELECT id, case_id AS "caseId", type, actor_id AS "actorId", on_behalf_of AS "onBehalfOf",
              occurred_at AS "occurredAt", data, seq::text AS seq
         FROM case_activities
        WHERE client_id = $1 AND case_id = $2 AND ($3::bigint IS NULL OR seq > $3::bigint)
        ORDER BY seq LIMIT $4`,
      [actor.clientId, found.id, after ?? null, limit + 1],
    );
    const page = toPage(rows, limit, (r) => [r.seq]);
    return { ...page, data: page.data.map(({ seq: _seq, ...entry }) => entry) };
  }
}
