import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { DomainError } from '../../../../shared/errors/domain-error';
import { ErrorCode } from '../../../../shared/errors/error-codes';
import { ListEnvelope } from '../../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../../shared/http/pagination';
import { visibleCase } from '../../../cases';
import { CaseActivityResponseDto } from '../../http/case-activity.response.dto';
import { ListCaseActivitiesQuery } from './list-case-activities.query';

type Row = CaseActivityResponseDto & { cursorSeq: string };

const INTERNAL = `a.data->>'commentVisibility' = 'internal'`;
/**
 * What a caller who sees the case only as its initiator reads: no entry of an internal comment,
 * and an action's entry without the id of the internal comment it carried. Filtered in SQL, so
 * pages stay full and cursors exact.
 */
const INITIATOR_ENTRIES = `AND NOT (a.type = 'case.commented' AND ${INTERNAL})`;
const INITIATOR_DATA = `CASE WHEN ${INTERNAL} THEN a.data - 'commentId' - 'commentVisibility'
  ELSE a.data END`;

/**
 * Oldest first, by insertion order: a case's commands are serialized, so `seq` is their order.
 * `seq` is a bigint: sorted and compared as a number, carried in the cursor as digits (a JS
 * number could not hold every bigint).
 */
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
    const { id: caseId, publicOnly } = await visibleCase(this.tx, actor, caseRef);
    const rows = await this.tx.query<Row>(
      `SELECT a.id, a.case_id AS "caseId", a.type, a.actor_id AS "actorId",
              a.on_behalf_of AS "onBehalfOf", a.occurred_at AS "occurredAt",
              ${publicOnly ? INITIATOR_DATA : 'a.data'} AS data, a.seq::text AS "cursorSeq"
         FROM case_activities a
        WHERE a.client_id = $1 AND a.case_id = $2 AND ($3::bigint IS NULL OR a.seq > $3::bigint)
          ${publicOnly ? INITIATOR_ENTRIES : ''}
        ORDER BY a.seq LIMIT $4`,
      [actor.clientId, caseId, after ?? null, limit + 1],
    );
    const page = toPage(rows, limit, (r) => [r.cursorSeq]);
    return { ...page, data: page.data.map(({ cursorSeq: _seq, ...entry }) => entry) };
  }
}
