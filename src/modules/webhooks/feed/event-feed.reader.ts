import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { eventFilterSql } from '../domain/event-filter';
import { EventResponseDto } from './event.response.dto';

interface FeedFilter {
  type?: string;
  caseId?: string;
}

/** Reads a tenant's change feed in position order. */
@Injectable()
export class EventFeedReader {
  constructor(private readonly tx: TransactionManager) {}

  async after(
    clientId: string,
    after: bigint,
    limit: number,
    filter: FeedFilter = {},
  ): Promise<EventResponseDto[]> {
    const rows = await this.tx.query<EventResponseDto & { caseId: string | null }>(
      `SELECT event_id AS id, type, occurred_at AS timestamp, case_id AS "caseId", data,
              position::text AS cursor
         FROM event_feed
        WHERE client_id = $1 AND position > $2::bigint
          AND ($4::text IS NULL OR ${eventFilterSql('ARRAY[$4::text]', 'type')})
          AND ($5::uuid IS NULL OR case_id = $5::uuid)
        ORDER BY position LIMIT $3`,
      [clientId, after.toString(), limit, filter.type ?? null, filter.caseId ?? null],
    );
    return rows.map(({ caseId, ...row }) => (caseId ? { ...row, caseId } : row));
  }

  async lastPosition(clientId: string): Promise<bigint> {
    const [row] = await this.tx.query<{ last: string }>(
      `SELECT last_position::text AS last FROM event_feed_counters WHERE client_id = $1`,
      [clientId],
    );
    return BigInt(row?.last ?? '0');
  }
}
