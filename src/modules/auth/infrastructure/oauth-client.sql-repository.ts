import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CursorValues } from '../../../shared/http/pagination';
import { Permission } from '../../../shared/auth/permission.enum';
import { OAuthClient } from '../domain/oauth-client';
import { OAuthClientRepository } from '../domain/oauth-client.repository';

interface Row {
  id: string;
  client_id: string;
  name: string;
  secret_hash: string;
  permissions: string[];
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toDomain = (r: Row): OAuthClient => ({
  id: r.id,
  clientId: r.client_id,
  name: r.name,
  secretHash: r.secret_hash,
  permissions: r.permissions as Permission[],
  createdBy: r.created_by,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

@Injectable()
export class OAuthClientSqlRepository extends OAuthClientRepository {
  constructor(private readonly tx: TransactionManager) {
    super();
  }

  async insert(c: Omit<OAuthClient, 'id' | 'revokedAt'>): Promise<OAuthClient> {
    const rows = await this.tx.query<Row>(
      `INSERT INTO oauth_clients (client_id, name, secret_hash, permissions, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [c.clientId, c.name, c.secretHash, c.permissions, c.createdBy, c.createdAt],
    );
    return toDomain(rows[0]);
  }

  async findActiveById(id: string): Promise<OAuthClient | null> {
    if (!UUID.test(id)) return null;
    const rows = await this.tx.query<Row>(
      `SELECT * FROM oauth_clients WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
    return rows[0] ? toDomain(rows[0]) : null;
  }

  async isActive(clientId: string, id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const rows = await this.tx.query(
      `SELECT 1 FROM oauth_clients WHERE id = $1 AND client_id = $2 AND revoked_at IS NULL`,
      [id, clientId],
    );
    return rows.length > 0;
  }

  async list(clientId: string, limit: number, after?: CursorValues): Promise<OAuthClient[]> {
    const params: unknown[] = [clientId, limit];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = `AND (created_at, id) > ($3::timestamptz, $4::uuid)`;
    }
    const rows = await this.tx.query<Row>(
      `SELECT * FROM oauth_clients WHERE client_id = $1 AND revoked_at IS NULL ${keyset}
       ORDER BY created_at, id LIMIT $2`,
      params,
    );
    return rows.map(toDomain);
  }

  async revoke(clientId: string, id: string, at: Date): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const rows = await this.tx.query(
      `UPDATE oauth_clients SET revoked_at = $3 WHERE id = $1 AND client_id = $2 AND revoked_at IS NULL RETURNING id`,
      [id, clientId, at],
    );
    return rows.length > 0;
  }
}
