import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { SavedView } from '../domain/saved-view';
import { SavedViewRepository } from '../domain/saved-view.repository';

export const SAVED_VIEW_COLUMNS = `id, client_id AS "clientId", owner_id AS "ownerId", name, list,
  filters, sort, shared, created_at AS "createdAt"`;

@Injectable()
export class SavedViewSqlRepository extends SavedViewRepository {
  constructor(private readonly tx: TransactionManager) {
    super();
  }

  async insert(v: SavedView): Promise<void> {
    await this.tx.query(
      `INSERT INTO saved_views (id, client_id, owner_id, name, list, filters, sort, shared, created_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)`,
      [
        v.id,
        v.clientId,
        v.ownerId,
        v.name,
        v.list,
        JSON.stringify(v.filters),
        v.sort,
        v.shared,
        v.createdAt,
      ],
    );
  }

  async findById(clientId: string, id: string): Promise<SavedView | null> {
    const [row] = await this.tx.query<SavedView>(
      `SELECT ${SAVED_VIEW_COLUMNS} FROM saved_views WHERE client_id = $1 AND id = $2`,
      [clientId, id],
    );
    return row ?? null;
  }

  async delete(clientId: string, id: string): Promise<void> {
    await this.tx.query(`DELETE FROM saved_views WHERE client_id = $1 AND id = $2`, [clientId, id]);
  }
}
