import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { TERMINAL_STATES } from '../../../shared/domain/case-state';
import { Outbox } from '../../../shared/outbox/outbox';
import { Priority } from '../domain/priority';
import { PriorityUsage } from '../domain/priority.errors';
import { PriorityRepository } from '../domain/priority.repository';

interface PriorityRow {
  id: string;
  client_id: string;
  name: string;
  code: string;
  level: number;
  color: string | null;
  active: boolean;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

@Injectable()
export class PrioritySqlRepository extends PriorityRepository {
  constructor(
    private readonly tx: TransactionManager,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async findById(clientId: string, id: string): Promise<Priority | null> {
    const [row] = await this.tx.query<PriorityRow>(
      `SELECT * FROM priorities WHERE client_id = $1 AND id = $2 AND deleted_at IS NULL
       ${this.tx.inTransaction ? 'FOR UPDATE' : ''}`,
      [clientId, id],
    );
    if (!row) return null;
    return Priority.restore({
      id: row.id,
      clientId: row.client_id,
      name: row.name,
      code: row.code,
      level: row.level,
      color: row.color,
      active: row.active,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    });
  }

  async usage(clientId: string, id: string): Promise<PriorityUsage> {
    const [row] = await this.tx.query<{ caseTypes: number; openCases: number }>(
      `SELECT (SELECT count(*)::int FROM case_types
                WHERE client_id = $1 AND deleted_at IS NULL
                  AND (default_priority_id = $2
                       OR slas @> jsonb_build_array(jsonb_build_object('priorityId', $2::text))))
                AS "caseTypes",
              (SELECT count(*)::int FROM cases
                WHERE client_id = $1 AND priority_id = $2 AND state <> ALL($3::text[]))
                AS "openCases"`,
      [clientId, id, [...TERMINAL_STATES]],
    );
    return row;
  }

  async codeTaken(clientId: string, code: string, exceptId?: string): Promise<boolean> {
    const rows = await this.tx.query(
      `SELECT 1 FROM priorities
        WHERE client_id = $1 AND lower(code) = lower($2) AND deleted_at IS NULL AND id IS DISTINCT FROM $3`,
      [clientId, code, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async save(priority: Priority): Promise<void> {
    const p = priority.snapshot;
    await this.tx.query(
      `INSERT INTO priorities (id, client_id, name, code, level, color, active, created_by, created_at, updated_at, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, code = EXCLUDED.code, level = EXCLUDED.level,
         color = EXCLUDED.color, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at,
         deleted_at = EXCLUDED.deleted_at
       WHERE priorities.client_id = EXCLUDED.client_id`,
      [
        p.id,
        p.clientId,
        p.name,
        p.code,
        p.level,
        p.color,
        p.active,
        p.createdBy,
        p.createdAt,
        p.updatedAt,
        p.deletedAt,
      ],
    );
    await this.outbox.append(priority.pullEvents());
  }
}
