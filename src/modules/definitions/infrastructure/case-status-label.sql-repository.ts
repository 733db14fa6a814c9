import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { Outbox } from '../../../shared/outbox/outbox';
import { CaseStatusLabel } from '../domain/case-status-label';
import { CaseStatusLabelRepository } from '../domain/case-status-label.repository';

@Injectable()
export class CaseStatusLabelSqlRepository extends CaseStatusLabelRepository {
  constructor(
    private readonly tx: TransactionManager,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async save(label: CaseStatusLabel): Promise<void> {
    await this.tx.query(
      `INSERT INTO case_status_labels (client_id, state, label, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (client_id, state) DO UPDATE SET label = EXCLUDED.label,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [label.clientId, label.state, label.label, label.updatedBy, label.updatedAt],
    );
    await this.outbox.append(label.pullEvents());
  }
}
