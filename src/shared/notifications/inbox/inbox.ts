import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../database/transaction-manager';
import { NotFoundError } from '../../errors/domain-error';
import { ErrorCode } from '../../errors/error-codes';
import { ListEnvelope } from '../../http/envelope';
import { decodeCursor, toPage } from '../../http/pagination';
import { InboxItemResponseDto } from './inbox-item.response.dto';

interface Row {
  id: string;
  kind: string;
  case_id: string | null;
  payload: Record<string, unknown>;
  read_at: Date | null;
  created_at: Date;
}

const SELECT = `SELECT r.id, n.template AS kind, n.case_id, n.payload, r.read_at, r.created_at
                  FROM notification_recipients r JOIN notifications n ON n.id = r.notification_id`;

const toItem = (r: Row): InboxItemResponseDto => ({
  id: r.id,
  kind: r.kind,
  caseId: r.case_id,
  displayId: typeof r.payload.displayId === 'string' ? r.payload.displayId : null,
  payload: r.payload,
  read: r.read_at !== null,
  readAt: r.read_at,
  createdAt: r.created_at,
});

export class NotificationNotFoundError extends NotFoundError {
  constructor() {
    super(ErrorCode.NotificationNotFound);
  }
}

/** A user's notifications in one tenant: always the caller's own, newest first. */
@Injectable()
export class Inbox {
  constructor(private readonly tx: TransactionManager) {}

  async list(
    owner: { clientId: string; userId: string },
    options: { unread: boolean; limit: number; cursor?: string },
  ): Promise<ListEnvelope<InboxItemResponseDto>> {
    const after = decodeCursor(options.cursor, ['timestamp', 'uuid']);
    const rows = await this.tx.query<Row>(
      `${SELECT}
        WHERE r.client_id = $1 AND r.user_id = $2 AND (NOT $3 OR r.read_at IS NULL)
          AND ($4::timestamptz IS NULL OR (r.created_at, r.id) < ($4::timestamptz, $5::uuid))
        ORDER BY r.created_at DESC, r.id DESC LIMIT $6`,
      [
        owner.clientId,
        owner.userId,
        options.unread,
        after?.[0] ?? null,
        after?.[1] ?? null,
        options.limit + 1,
      ],
    );
    return toPage(rows.map(toItem), options.limit, (i) => [i.createdAt.toISOString(), i.id]);
  }

  /** Marks one read (keeping the first time it was read); another's or unknown: not found. */
  async markRead(
    owner: { clientId: string; userId: string },
    id: string,
    now: Date,
  ): Promise<InboxItemResponseDto> {
    const [row] = await this.tx.query<Row>(
      `WITH marked AS (
         UPDATE notification_recipients SET read_at = COALESCE(read_at, $4)
          WHERE client_id = $1 AND user_id = $2 AND id = $3 RETURNING id)
       ${SELECT} JOIN marked m ON m.id = r.id`,
      [owner.clientId, owner.userId, id, now],
    );
    if (!row) throw new NotificationNotFoundError();
    return toItem({ ...row, read_at: row.read_at ?? now });
  }

  async markAllRead(owner: { clientId: string; userId: string }, now: Date): Promise<number> {
    const { affected } = await this.tx.execute(
      `UPDATE notification_recipients SET read_at = $3
        WHERE client_id = $1 AND user_id = $2 AND read_at IS NULL`,
      [owner.clientId, owner.userId, now],
    );
    return affected;
  }
}
