import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CaseState } from '../../../shared/domain/case-state';

/** States in which a case still counts towards its agent's load. */
const CLOSED_STATES = [CaseState.RESOLVED, CaseState.COMPLETED, CaseState.CANCELED];

/** The cursor rows of automatic assignment and the open-case counts a pick weighs. */
@Injectable()
export class AssignmentStore {
  constructor(private readonly tx: TransactionManager) {}

  /**
   * Locks the type's cursor row until the transaction ends (creating it on first use) and
   * answers the member picked last. Every pick of the type takes this lock before it counts
   * loads, so a concurrent pick counts only after this one has committed: two picks never
   * both see an agent one below capacity.
   */
  async lockCursor(clientId: string, caseTypeId: string, now: Date): Promise<string | null> {
    if (!this.tx.inTransaction) throw new Error('an assignment pick needs a transaction (tx.run)');
    const [row] = await this.tx.query<{ last_user_id: string | null }>(
      `INSERT INTO assignment_cursors AS c (client_id, case_type_id, last_user_id, updated_at)
       VALUES ($1, $2, NULL, $3)
       ON CONFLICT (client_id, case_type_id) DO UPDATE SET updated_at = c.updated_at
       RETURNING c.last_user_id`,
      [clientId, caseTypeId, now],
    );
    return row.last_user_id;
  }

  async advanceCursor(clientId: string, caseTypeId: string, userId: string, now: Date) {
    await this.tx.query(
      `UPDATE assignment_cursors SET last_user_id = $3, updated_at = $4
        WHERE client_id = $1 AND case_type_id = $2`,
      [clientId, caseTypeId, userId, now],
    );
  }

  /** Open cases of the type assigned to each of `userIds` (absent from the map: none). */
  async openLoads(
    clientId: string,
    caseTypeId: string,
    userIds: readonly string[],
  ): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.tx.query<{ user_id: string; open: number }>(
      `SELECT u.user_id, count(*)::int AS open
         FROM cases c, unnest(c.assigned_to_users) AS u(user_id)
        WHERE c.client_id = $1 AND c.case_type_id = $2 AND c.assigned_to_users && $3::text[]
          AND c.state <> ALL($4::text[]) AND u.user_id = ANY($3::text[])
        GROUP BY u.user_id`,
      [clientId, caseTypeId, userIds, CLOSED_STATES],
    );
    return new Map(rows.map((r) => [r.user_id, Number(r.open)]));
  }
}
