import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { CalendarWeeks } from '../calendar-weeks';
import { Holiday, WorkingHours, WorkingWeek } from '../domain/working-week';

@Injectable()
export class SqlCalendarWeeks extends CalendarWeeks {
  constructor(private readonly tx: TransactionManager) {
    super();
  }

  async find(clientId: string, ids: readonly (string | null)[]): Promise<Map<string, WorkingWeek>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return new Map();
    const rows = await this.tx.query<{
      id: string;
      time_zone: string;
      working_hours: WorkingHours;
      holidays: Holiday[];
    }>(
      `SELECT id, time_zone, working_hours, holidays FROM calendars
        WHERE client_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL`,
      [clientId, wanted],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { timeZone: r.time_zone, workingHours: r.working_hours, holidays: r.holidays },
      ]),
    );
  }
}
