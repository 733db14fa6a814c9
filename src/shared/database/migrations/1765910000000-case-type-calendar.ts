import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case type may name the calendar its due dates and SLAs count business time on (issue 12).
 * No foreign key: calendars are soft-deleted, and a calendar in use cannot be deleted (the
 * calendars module checks the case types first); a missing one counts as around the clock.
 */
export class CaseTypeCalendar1765910000000 implements MigrationInterface {
  name = 'CaseTypeCalendar1765910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_types ADD COLUMN calendar_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_types DROP COLUMN calendar_id`);
  }
}
