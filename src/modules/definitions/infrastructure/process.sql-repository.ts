import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { Outbox } from '../../../shared/outbox/outbox';
import { Process } from '../domain/process';
import { ProcessRepository } from '../domain/process.repository';
import {
  DEFINITION_COLUMNS,
  definitionParams,
  definitionProps,
  DefinitionRow,
  updateShared,
} from './definition-row';

@Injectable()
export class ProcessSqlRepository extends ProcessRepository {
  constructor(
    private readonly tx: TransactionManager,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async findById(clientId: string, id: string): Promise<Process | null> {
    const [row] = await this.tx.query<DefinitionRow & { solution_id: string }>(
      `SELECT * FROM processes WHERE client_id = $1 AND id = $2 AND deleted_at IS NULL
       ${this.tx.inTransaction ? 'FOR UPDATE' : ''}`,
      [clientId, id],
    );
    return row ? Process.restore({ ...definitionProps(row), solutionId: row.solution_id }) : null;
  }

  async codeTaken(clientId: string, code: string, exceptId?: string): Promise<boolean> {
    const rows = await this.tx.query(
      `SELECT 1 FROM processes WHERE client_id = $1 AND lower(code) = lower($2)
          AND deleted_at IS NULL AND id IS DISTINCT FROM $3`,
      [clientId, code, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async save(process: Process): Promise<void> {
    const p = process.snapshot;
    await this.tx.query(
      `INSERT INTO processes (${DEFINITION_COLUMNS}, solution_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ${updateShared('processes')}`,
      [...definitionParams(p), p.solutionId],
    );
    await this.outbox.append(process.pullEvents());
  }

  async deleteChildren(clientId: string, processId: string, at: Date): Promise<void> {
    await this.tx.query(
      `UPDATE case_types SET deleted_at = $3, updated_at = $3
        WHERE client_id = $1 AND process_id = $2 AND deleted_at IS NULL`,
      [clientId, processId, at],
    );
  }
}
