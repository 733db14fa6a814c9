import { Injectable } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { TransactionManager } from '../database/transaction-manager';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A pending key older than this belongs to a request that died mid-way; it may be claimed again. */
export const IDEMPOTENCY_LEASE_MS = 5 * 60 * 1000;

export interface IdempotentRequest {
  method: string;
  path: string;
  requestHash: string;
}

export type Claim =
  | { kind: 'claimed'; at: Date }
  | { kind: 'pending'; request: IdempotentRequest }
  | { kind: 'completed'; request: IdempotentRequest; status: number; body: string | null };

interface Row {
  method: string;
  path: string;
  status_code: number | null;
  response: { requestHash?: string; body?: string | null } | null;
}

/** The `idempotency_keys` table: one row per (tenant, caller, key), pending until completed. */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly tx: TransactionManager) {}

  async claim(actor: Actor, key: string, request: IdempotentRequest, now: Date): Promise<Claim> {
    const expired = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
    await this.tx.query(
      `DELETE FROM idempotency_keys WHERE client_id = $1 AND user_id = $2 AND created_at < $3`,
      [actor.clientId, actor.userId, expired],
    );
    for (let attempt = 0; attempt < 2; attempt++) {
      const claimed = await this.tx.query(
        `INSERT INTO idempotency_keys (client_id, user_id, key, method, path, status_code, response, created_at)
         VALUES ($1, $2, $3, $4, $5, NULL, $6::jsonb, $7)
         ON CONFLICT (client_id, user_id, key) DO UPDATE
           SET method = EXCLUDED.method, path = EXCLUDED.path, status_code = NULL,
               response = EXCLUDED.response, created_at = EXCLUDED.created_at
         WHERE idempotency_keys.created_at < $8
            OR (idempotency_keys.status_code IS NULL AND idempotency_keys.created_at < $9)
         RETURNING 1 AS claimed`,
        [
          actor.clientId,
          actor.userId,
          key,
          request.method,
          request.path,
          JSON.stringify({ requestHash: request.requestHash }),
          now,
          expired,
          new Date(now.getTime() - IDEMPOTENCY_LEASE_MS),
        ],
      );
      if (claimed.length > 0) return { kind: 'claimed', at: now };
      const [row] = await this.tx.query<Row>(
        `SELECT method, path, status_code, response FROM idempotency_keys
          WHERE client_id = $1 AND user_id = $2 AND key = $3`,
        [actor.clientId, actor.userId, key],
      );
      if (!row) continue;
      const first = {
        method: row.method,
        path: row.path,
        requestHash: row.response?.requestHash ?? '',
      };
      if (row.status_code === null) return { kind: 'pending', request: first };
      return {
        kind: 'completed',
        request: first,
        status: row.status_code,
        body: row.response?.body ?? null,
      };
    }
    return { kind: 'pending', request };
  }

  /** `claimedAt` makes sure only the request that claimed the key completes or releases it. */
  async complete(
    actor: Actor,
    key: string,
    claimedAt: Date,
    stored: { requestHash: string; status: number; body: string | null },
  ): Promise<void> {
    await this.tx.query(
      `UPDATE idempotency_keys SET status_code = $5, response = $6::jsonb
        WHERE client_id = $1 AND user_id = $2 AND key = $3 AND created_at = $4`,
      [
        actor.clientId,
        actor.userId,
        key,
        claimedAt,
        stored.status,
        JSON.stringify({ requestHash: stored.requestHash, body: stored.body }),
      ],
    );
  }

  /** Forgets a pending key whose request failed, so the client may retry with it. */
  async release(actor: Actor, key: string, claimedAt: Date): Promise<void> {
    await this.tx.query(
      `DELETE FROM idempotency_keys
        WHERE client_id = $1 AND user_id = $2 AND key = $3 AND created_at = $4
          AND status_code IS NULL`,
      [actor.clientId, actor.userId, key, claimedAt],
    );
  }
}
