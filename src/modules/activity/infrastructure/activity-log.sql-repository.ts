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
    const params: unknown[] = [];
    const rows = entries.map((e) => {
      const values = [e.clientId, e.caseId, e.type, e.actorId, e.onBehalfOf, e.occurredAt];
      const refs = [...values, JSON.stringify(e.data)].map((v) => `$${params.push(v)}`);
      return `(${refs.join(', ')}::jsonb)`;
    });
    await this.tx.write(
      `INSERT INTO case_activities (client_id, case_id, type, actor_id, on_behalf_of, occurred_at, data)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }
}
