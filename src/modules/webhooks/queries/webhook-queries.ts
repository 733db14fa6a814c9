import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/auth/actor';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { NotFoundError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ListEnvelope } from '../../../shared/http/envelope';
import { decodeCursor, toPage } from '../../../shared/http/pagination';
import { WebhookDeliveryResponseDto } from '../http/webhook-delivery.response.dto';
import { WebhookResponseDto } from '../http/webhook.response.dto';
import { DELIVERY_COLUMNS, WEBHOOK_COLUMNS } from './webhook.sql';

/** The read side of webhooks: keyset-paginated SQL straight into response DTOs. */
@Injectable()
export class WebhookQueries {
  constructor(private readonly tx: TransactionManager) {}

  async get(actor: Actor, id: string): Promise<WebhookResponseDto> {
    const [row] = await this.tx.query<WebhookResponseDto>(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE client_id = $1 AND id = $2`,
      [actor.clientId, id],
    );
    if (!row) throw new NotFoundError(ErrorCode.WebhookNotFound);
    return row;
  }

  async list(actor: Actor, limit: number, cursor?: string) {
    const after = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const rows = await this.tx.query<WebhookResponseDto>(
      `SELECT ${WEBHOOK_COLUMNS} FROM webhooks
        WHERE client_id = $1
          AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY created_at, id LIMIT $2`,
      [actor.clientId, limit + 1, ...after],
    );
    return toPage(rows, limit, (w) => [w.createdAt.toISOString(), w.id]);
  }

  async delivery(actor: Actor, webhookId: string, id: string) {
    await this.get(actor, webhookId);
    const [row] = await this.tx.query<WebhookDeliveryResponseDto>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
        WHERE client_id = $1 AND webhook_id = $2 AND id = $3`,
      [actor.clientId, webhookId, id],
    );
    if (!row) throw new NotFoundError(ErrorCode.WebhookDeliveryNotFound);
    return row;
  }

  /** Newest first. */
  async deliveries(
    actor: Actor,
    webhookId: string,
    status: string | undefined,
    limit: number,
    cursor?: string,
  ): Promise<ListEnvelope<WebhookDeliveryResponseDto>> {
    await this.get(actor, webhookId);
    const before = decodeCursor(cursor, ['timestamp', 'uuid']) ?? [null, null];
    const rows = await this.tx.query<WebhookDeliveryResponseDto>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
        WHERE client_id = $1 AND webhook_id = $2 AND ($3::text IS NULL OR status = $3)
          AND ($5::timestamptz IS NULL OR (created_at, id) < ($5::timestamptz, $6::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [actor.clientId, webhookId, status ?? null, limit + 1, ...before],
    );
    return toPage(rows, limit, (d) => [d.createdAt.toISOString(), d.id]);
  }
}
