import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { ActivityEntry, ActivityLog } from '../activity-log';

@Injectable()
export class ActivityLogSqlRepository extends ActivityLog {
  constructor(private readonly tx: TransactionManager) {
    super();
  }

  async append(entries: readonly ActivityEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (!this.tx.inTransaction) throw new Error('ActivityLog.append needs a transaction (tx.run)');
    // One fixed text for any number of entries, so it is prepared: the entries travel as one
    // JSON array (their data inside it, encoded once) and are inserted in their order.
    await this.tx.write(
      `INSERT INTO case_activities (client_id, case_id, type, actor_id, on_behalf_of, occurred_at, data)
       SELECT client_id, case_id, type, actor_id, on_behalf_of, occurred_at, data
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (client_id text, case_id uuid, type text,
                         actor_id text, on_behalf_of text, occurred_at timestamptz, data jsonb))
              WITH ORDINALITY AS e(client_id, case_id, type, actor_id, on_behalf_of, occurred_at, data, n)
        ORDER BY n`,
      [
        JSON.stringify(
          entries.map((e) => ({
            client_id: e.clientId,
            case_id: e.caseId,
            type: e.type,
            actor_id: e.actorId,
            on_behalf_of: e.onBehalfOf,
            occurred_at: e.occurredAt.toISOString(),
            data: e.data,
          })),
        ),
      ],
      { prepared: true },
    );
  }
}
