import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor } from '../../../shared/auth/actor';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { NotFoundError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { Clock } from '../../../shared/time/clock';
import { SecretBox } from '../delivery/secret-box';
import { WebhookDispatcher } from '../delivery/webhook-dispatcher';
import { WebhookSettings } from '../delivery/webhook-settings';
import { assertAllowedUrl } from '../domain/webhook-url';
import { newWebhookSecret } from '../domain/webhook-secret';
import { assertEventFilters, assertSecret } from '../domain/webhook-validation';
import { CreateWebhookRequestDto, UpdateWebhookRequestDto } from './webhook.request.dto';

/** Both signatures are sent this long after a rotation, so receivers can switch over. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/** The write side of webhook subscriptions; every statement is scoped to the caller's tenant. */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    private readonly box: SecretBox,
    private readonly settings: WebhookSettings,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  /** Returns the id and the plain secret (shown once). */
  async create(actor: Actor, body: CreateWebhookRequestDto) {
    assertEventFilters(body.events);
    if (body.secret !== undefined) assertSecret(body.secret);
    await assertAllowedUrl(body.url, this.settings.allowPrivateUrls);
    const id = randomUUID();
    const secret = body.secret ?? newWebhookSecret();
    const now = this.clock.now();
    await this.tx.query(
      `INSERT INTO webhooks (id, client_id, url, events, description, active, secret,
                             created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [
        id,
        actor.clientId,
        body.url,
        [...new Set(body.events)],
        body.description ?? null,
        body.active ?? true,
        this.box.seal(secret),
        now,
      ],
    );
    return { id, secret };
  }

  /** Returns the new plain secret when rotated. */
  async update(actor: Actor, id: string, body: UpdateWebhookRequestDto) {
    if (body.events) assertEventFilters(body.events);
    if (body.url !== undefined) await assertAllowedUrl(body.url, this.settings.allowPrivateUrls);
    const secret = body.rotateSecret ? newWebhookSecret() : undefined;
    const now = this.clock.now();
    const { affected } = await this.tx.execute(
      `UPDATE webhooks SET url = COALESCE($3::text, url), events = COALESCE($4::text[], events),
              description = COALESCE($5::text, description), active = COALESCE($6::boolean, active),
              failing_since = CASE WHEN $6::boolean AND NOT active THEN NULL ELSE failing_since END,
              consecutive_failures = CASE WHEN $6::boolean AND NOT active THEN 0 ELSE consecutive_failures END,
              disabled_at = CASE WHEN $6::boolean THEN NULL ELSE disabled_at END,
              previous_secret = CASE WHEN $7::text IS NULL THEN previous_secret ELSE secret END,
              previous_secret_until = CASE WHEN $7::text IS NULL THEN previous_secret_until
                                           ELSE $9::timestamptz END,
              secret = COALESCE($7, secret), updated_at = $8
        WHERE client_id = $1 AND id = $2`,
      [
        actor.clientId,
        id,
        body.url ?? null,
        body.events ? [...new Set(body.events)] : null,
        body.description ?? null,
        body.active ?? null,
        secret ? this.box.seal(secret) : null,
        now,
        new Date(now.getTime() + ROTATION_OVERLAP_MS),
      ],
    );
    if (affected === 0) throw new NotFoundError(ErrorCode.WebhookNotFound);
    return { secret };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const { affected } = await this.tx.execute(
      `DELETE FROM webhooks WHERE client_id = $1 AND id = $2`,
      [actor.clientId, id],
    );
    if (affected === 0) throw new NotFoundError(ErrorCode.WebhookNotFound);
  }

  /** Sends a delivery again (whatever its status) as soon as its lane lets it. */
  async retry(actor: Actor, webhookId: string, deliveryId: string): Promise<void> {
    const { affected } = await this.tx.execute(
      `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $4, finished_at = NULL
        WHERE client_id = $1 AND webhook_id = $2 AND id = $3`,
      [actor.clientId, webhookId, deliveryId, this.clock.now()],
    );
    if (affected === 0) {
      await this.assertExists(actor, webhookId);
      throw new NotFoundError(ErrorCode.WebhookDeliveryNotFound);
    }
    this.dispatcher.nudge();
  }

  /** Queues a `webhook.ping` event for this endpoint alone; returns the delivery id. */
  async ping(actor: Actor, webhookId: string): Promise<string> {
    await this.assertExists(actor, webhookId);
    const id = randomUUID();
    const eventId = randomUUID();
    const now = this.clock.now();
    const body = JSON.stringify({
      id: eventId,
      type: 'webhook.ping',
      timestamp: now.toISOString(),
      data: { webhookId },
    });
    await this.tx.query(
      `INSERT INTO webhook_deliveries (id, client_id, webhook_id, event_id, event_type, lane, seq,
                                       body, status, next_attempt_at, committed_at, created_at)
       VALUES ($1, $2, $3, $4, 'webhook.ping', $5, 1, $6, 'pending', $7, $7, $7)`,
      [id, actor.clientId, webhookId, eventId, `ping:${eventId}`, body, now],
    );
    this.dispatcher.nudge();
    return id;
  }

  private async assertExists(actor: Actor, id: string): Promise<void> {
    const rows = await this.tx.query(`SELECT 1 FROM webhooks WHERE client_id = $1 AND id = $2`, [
      actor.clientId,
      id,
    ]);
    if (rows.length === 0) throw new NotFoundError(ErrorCode.WebhookNotFound);
  }
}
