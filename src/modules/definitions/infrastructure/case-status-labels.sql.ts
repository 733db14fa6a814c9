import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseState, DEFAULT_STATE_LABELS } from '../../../shared/domain/case-state';
import { CaseStatusLabels } from '../case-status-labels';

@Injectable()
export class SqlCaseStatusLabels extends CaseStatusLabels {
  constructor(private readonly tx: TransactionManager) {
    super();
  }

  async labelsFor(clientId: string): Promise<Record<CaseState, string>> {
    const rows = await this.tx.query<{ state: CaseState; label: string }>(
      `SELECT state, label FROM case_status_labels WHERE client_id = $1`,
      [clientId],
    );
    const labels = { ...DEFAULT_STATE_LABELS };
    for (const row of rows) if (row.state in labels) labels[row.state] = row.label;
    return labels;
  }
}
