import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseMessage } from '../domain/case-collaboration';
import { CaseMessageRepository } from '../domain/case-message.repository';

@Injectable()
export class CaseMessageSqlRepository extends CaseMessageRepository {
  constructor(private readonly tx: TransactionManager) {
    super();
  }

  async add(clientId: string, caseId: string, m: CaseMessage): Promise<void> {
    if (!this.tx.inTransaction) throw new Error('CaseMessageRepository.add needs a transaction');
    await this.tx.query(
      `INSERT INTO case_messages (id, client_id, case_id, direction, from_address, to_address,
                                  subject, body, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        m.id,
        clientId,
        caseId,
        m.direction,
        m.from,
        m.to,
        m.subject,
        m.body,
        m.createdAt,
        m.createdBy,
      ],
    );
  }
}
