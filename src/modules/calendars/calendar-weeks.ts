import { ALWAYS, WorkingWeek } from './domain/working-week';

/** A calendar's working week as other modules count business time on it. */
export interface CalendarWeek {
  /** The calendar asked for; null when none was named. */
  calendarId: string | null;
  week: WorkingWeek;
  /**
   * True when the week is the 24×7 stand-in: no calendar was named, or the one named is unknown
   * in the tenant or deleted (its business minutes are then plain minutes).
   */
  aroundTheClock: boolean;
}

/**
 * The calendars module's port for modules that count business time (SLAs, due dates): the
 * working weeks of a tenant's live calendars. Reads only; the arithmetic is the pure
 * addBusinessMinutes / businessMinutesBetween exported beside it.
 */
export abstract class CalendarWeeks {
  /** The live calendars among `ids`, by id (unknown or deleted ones are absent). */
  abstract find(
    clientId: string,
    ids: readonly (string | null)[],
  ): Promise<Map<string, WorkingWeek>>;

  /** The week of one calendar, 24×7 when none is named or it is missing or deleted. */
  async weekOf(clientId: string, calendarId: string | null): Promise<CalendarWeek> {
    return weekIn(await this.find(clientId, [calendarId]), calendarId);
  }
}

/** `calendarId`'s week among weeks found, or 24×7 (and says so). */
export function weekIn(
  weeks: ReadonlyMap<string, WorkingWeek>,
  calendarId: string | null,
): CalendarWeek {
  const week = calendarId ? weeks.get(calendarId) : undefined;
  return week
    ? { calendarId, week, aroundTheClock: false }
    : { calendarId, week: ALWAYS, aroundTheClock: true };
}
