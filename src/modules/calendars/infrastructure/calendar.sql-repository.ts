import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { Outbox } from '../../../shared/outbox/outbox';
import { Calendar } from '../domain/calendar';
import { CalendarRepository } from '../domain/calendar.repository';
import { Holiday, WorkingHours } from '../domain/working-week';

interface CalendarRow {
  id: string;
  client_id: string;
  name: string;
  time_zone: string;
  working_hours: WorkingHours;
  holidays: Holiday[];
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

@Injectable()
export class CalendarSqlRepository extends CalendarRepository {
  constructor(
    private readonly tx: TransactionManager,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async findById(clientId: string, id: string): Promise<Calendar | null> {
    const [row] = await this.tx.query<CalendarRow>(
      `SELECT * FROM calendars WHERE client_id = $1 AND id = $2 AND deleted_at IS NULL
       ${this.tx.inTransaction ? 'FOR UPDATE' : ''}`,
      [clientId, id],
    );
    if (!row) return null;
    return Calendar.restore({
      id: row.id,
      clientId: row.client_id,
      name: row.name,
      timeZone: row.time_zone,
      workingHours: row.working_hours,
      holidays: row.holidays,
      version: row.version,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    });
  }

  // Case types do not name calendars yet; any `calendarId` (or `calendar_id` column) anywhere in
  // a live case type's row, its SLA definitions included, already counts as a use.
  async isInUse(clientId: string, id: string): Promise<boolean> {
    const rows = await this.tx.query(
      `SELECT 1 FROM case_types ct
        WHERE ct.client_id = $1 AND ct.deleted_at IS NULL
          AND jsonb_path_exists(to_jsonb(ct), '$.** ? (@.calendarId == $id || @.calendar_id == $id)',
                                jsonb_build_object('id', $2::text))
        LIMIT 1`,
      [clientId, id],
    );
    return rows.length > 0;
  }

  async save(calendar: Calendar): Promise<void> {
    const p = calendar.snapshot;
    await this.tx.query(
      `INSERT INTO calendars (id, client_id, name, time_zone, working_hours, holidays, version,
         created_by, created_at, updated_at, deleted_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone,
         working_hours = EXCLUDED.working_hours, holidays = EXCLUDED.holidays,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
         deleted_at = EXCLUDED.deleted_at
       WHERE calendars.client_id = EXCLUDED.client_id`,
      [
        p.id,
        p.clientId,
        p.name,
        p.timeZone,
        JSON.stringify(p.workingHours),
        JSON.stringify(p.holidays),
        p.version,
        p.createdBy,
        p.createdAt,
        p.updatedAt,
        p.deletedAt,
      ],
    );
    await this.outbox.append(calendar.pullEvents());
  }
}
