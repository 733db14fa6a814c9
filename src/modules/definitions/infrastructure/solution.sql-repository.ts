import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { Outbox } from '../../../shared/outbox/outbox';
import { Solution } from '../domain/solution';
import { SolutionRepository } from '../domain/solution.repository';
import {
  DEFINITION_COLUMNS,
  definitionParams,
  definitionProps,
  DefinitionRow,
  updateShared,
} from './definition-row';

@Injectable()
export class SolutionSqlRepository extends SolutionRepository {
  constructor(
    private readonly tx: TransactionManager,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async findById(clientId: string, id: string): Promise<Solution | null> {
    const [row] = await this.tx.query<DefinitionRow>(
      `SELECT * FROM solutions WHERE client_id = $1 AND id = $2 AND deleted_at IS NULL
       ${this.tx.inTransaction ? 'FOR UPDATE' : ''}`,
      [clientId, id],
    );
    return row ? Solution.restore(definitionProps(row)) : null;
  }

  async codeTaken(clientId: string, code: string, exceptId?: string): Promise<boolean> {
    const rows = await this.tx.query(
      `SELECT 1 FROM solutions WHERE client_id = $1 AND lower(code) = lower($2)
          AND deleted_at IS NULL AND id IS DISTINCT FROM $3`,
      [clientId, code, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async save(solution: Solution): Promise<void> {
    await this.tx.query(
      `INSERT INTO solutions (${DEFINITION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ${updateShared('solutions')}`,
      definitionParams(solution.snapshot),
    );
    await this.outbox.append(solution.pullEvents());
  }

  async deleteChildren(clientId: string, solutionId: string, at: Date): Promise<void> {
    await this.tx.query(
      `UPDATE case_types SET deleted_at = $3, updated_at = $3
        WHERE client_id = $1 AND deleted_at IS NULL
          AND process_id IN (SELECT id FROM processes WHERE client_id = $1 AND solution_id = $2)`,
      [clientId, solutionId, at],
    );
    await this.tx.query(
      `UPDATE processes SET deleted_at = $3, updated_at = $3
        WHERE client_id = $1 AND solution_id = $2 AND deleted_at IS NULL`,
      [clientId, solutionId, at],
    );
  }
}
