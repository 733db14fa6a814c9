import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import {
  Directory,
  DirectoryGroup,
  DirectoryPage,
  DirectoryUser,
  DirectoryUserChanges,
  UserFilter,
} from '../../../shared/directory/directory';

interface UserRow {
  user_id: string;
  email: string | null;
  name: string | null;
  locale: string | null;
  time_zone: string | null;
  groups: string[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `user_id, email, name, locale, time_zone, groups, active, created_at, updated_at`;

const toUser = (r: UserRow): DirectoryUser => ({
  id: r.user_id,
  email: r.email,
  name: r.name,
  locale: r.locale,
  timeZone: r.time_zone,
  groups: r.groups,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function page<T>(rows: T[], limit: number, keyOf: (row: T) => string): DirectoryPage<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? keyOf(last) : null };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * How long a user's directory groups are reused, in ms. Every request reads the caller's groups;
 * reusing them for a few seconds saves each request a pool checkout and a round trip. A change
 * counts at once on the instance that made it (see `forget`) and within this on the others,
 * which is far sooner than the groups a token carries, valid for the token's whole life.
 */
export const GROUPS_TTL_MS = 5_000;
const MAX_CACHED_USERS = 10_000;

/** The directory in the service's own database (`directory_users`). */
@Injectable()
export class SqlDirectory extends Directory {
  private readonly recentGroups = new Map<string, { groups: string[]; until: number }>();
  /** Bumped by every change, so that a read begun before it does not keep what it read. */
  private changes = 0;

  constructor(private readonly tx: TransactionManager) {
    super();
  }

  async findUser(clientId: string, userId: string): Promise<DirectoryUser | null> {
    const [row] = await this.tx.query<UserRow>(
      `SELECT ${COLUMNS} FROM directory_users WHERE client_id = $1 AND user_id = $2`,
      [clientId, userId],
    );
    return row ? toUser(row) : null;
  }

  /**
   * Read for every request a user makes (their directory groups): prepared, and reused for
   * GROUPS_TTL_MS. Inside a transaction it reads through, since that transaction may have
   * changed them.
   */
  async groupsOf(clientId: string, userId: string): Promise<string[]> {
    const key = `${clientId}\u0000${userId}`;
    const cached = this.recentGroups.get(key);
    if (cached && cached.until > performance.now() && !this.tx.inTransaction) return cached.groups;
    const changes = this.changes;
    const [row] = await this.tx.queryPrepared<{ groups: string[] }>(
      `SELECT groups FROM directory_users WHERE client_id = $1 AND user_id = $2 AND active`,
      [clientId, userId],
    );
    const groups = row?.groups ?? [];
    if (changes === this.changes && !this.tx.inTransaction) {
      this.recentGroups.delete(key); // re-inserted last: the oldest entries go first when full
      if (this.recentGroups.size >= MAX_CACHED_USERS) {
        this.recentGroups.delete(this.recentGroups.keys().next().value as string);
      }
      this.recentGroups.set(key, { groups, until: performance.now() + GROUPS_TTL_MS });
    }
    return groups;
  }

  /**
   * After a change to a user: drops what this instance reuses of them, now and again once the
   * enclosing transaction (if any) commits, and keeps reads begun before it from storing theirs.
   */
  private forget(clientId: string, userId: string): void {
    const drop = () => {
      this.changes += 1;
      this.recentGroups.delete(`${clientId}\u0000${userId}`);
    };
    drop();
    if (this.tx.inTransaction) this.tx.afterCommit(drop);
  }

  async findUsers(clientId: string, userIds: readonly string[]): Promise<DirectoryUser[]> {
    if (userIds.length === 0) return [];
    const rows = await this.tx.query<UserRow>(
      `SELECT ${COLUMNS} FROM directory_users WHERE client_id = $1 AND user_id = ANY($2::text[])`,
      [clientId, userIds],
    );
    return rows.map(toUser);
  }

  async activeMembers(clientId: string, groups: readonly string[]): Promise<DirectoryUser[]> {
    if (groups.length === 0) return [];
    const rows = await this.tx.query<UserRow>(
      `SELECT ${COLUMNS} FROM directory_users
        WHERE client_id = $1 AND active AND groups && $2::text[] ORDER BY user_id`,
      [clientId, groups],
    );
    return rows.map(toUser);
  }

  async listUsers(
    clientId: string,
    filter: UserFilter,
    limit: number,
    after?: string,
  ): Promise<DirectoryPage<DirectoryUser>> {
    const q = filter.q ? `%${escapeLike(filter.q)}%` : null;
    const rows = await this.tx.query<UserRow>(
      `SELECT ${COLUMNS} FROM directory_users
        WHERE client_id = $1 AND ($2::text IS NULL OR user_id > $2)
          AND ($3::text IS NULL OR groups @> ARRAY[$3::text])
          AND ($4::text IS NULL OR user_id ILIKE $4 OR name ILIKE $4 OR email ILIKE $4)
        ORDER BY user_id LIMIT $5`,
      [clientId, after ?? null, filter.group ?? null, q, limit + 1],
    );
    return page(rows.map(toUser), limit, (u) => u.id);
  }

  async listGroups(
    clientId: string,
    limit: number,
    after?: string,
  ): Promise<DirectoryPage<DirectoryGroup>> {
    const rows = await this.tx.query<{ name: string; members: number }>(
      `SELECT g AS name, count(*) FILTER (WHERE u.active)::int AS members
         FROM directory_users u, unnest(u.groups) AS g
        WHERE u.client_id = $1 AND ($2::text IS NULL OR g > $2)
        GROUP BY g ORDER BY g LIMIT $3`,
      [clientId, after ?? null, limit + 1],
    );
    return page(rows, limit, (g) => g.name);
  }

  async saveUser(
    clientId: string,
    userId: string,
    changes: DirectoryUserChanges,
    now: Date,
  ): Promise<DirectoryUser> {
    const has = (key: keyof DirectoryUserChanges) => changes[key] !== undefined;
    const groups = changes.groups ? [...new Set(changes.groups)].sort() : null;
    // Absent fields keep their value on update; the $n::boolean flags tell absent from null.
    const [row] = await this.tx.query<UserRow>(
      `INSERT INTO directory_users AS d
              (client_id, user_id, email, name, locale, time_zone, groups, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::text[], '{}'), COALESCE($8::boolean, true), $9, $9)
       ON CONFLICT (client_id, user_id) DO UPDATE SET
         email = CASE WHEN $10::boolean THEN EXCLUDED.email ELSE d.email END,
         name = CASE WHEN $11::boolean THEN EXCLUDED.name ELSE d.name END,
         locale = CASE WHEN $12::boolean THEN EXCLUDED.locale ELSE d.locale END,
         time_zone = CASE WHEN $13::boolean THEN EXCLUDED.time_zone ELSE d.time_zone END,
         groups = COALESCE($7::text[], d.groups),
         active = COALESCE($8::boolean, d.active),
         updated_at = $9
       RETURNING ${COLUMNS}`,
      [
        clientId,
        userId,
        changes.email ?? null,
        changes.name ?? null,
        changes.locale ?? null,
        changes.timeZone ?? null,
        groups,
        changes.active ?? null,
        now,
        has('email'),
        has('name'),
        has('locale'),
        has('timeZone'),
      ],
    );
    this.forget(clientId, userId);
    return toUser(row);
  }

  async removeUser(clientId: string, userId: string): Promise<boolean> {
    const { affected } = await this.tx.execute(
      `DELETE FROM directory_users WHERE client_id = $1 AND user_id = $2`,
      [clientId, userId],
    );
    this.forget(clientId, userId);
    return affected > 0;
  }
}
