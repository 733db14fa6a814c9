import { Calendar } from './calendar';

export abstract class CalendarRepository {
  /** A live (not deleted) calendar of the tenant, or null; locked when inside a transaction. */
  abstract findById(clientId: string, id: string): Promise<Calendar | null>;
  /** Whether a live case type of the tenant (or one of its SLAs) names the calendar. */
  abstract isInUse(clientId: string, id: string): Promise<boolean>;
  /** Inserts or updates the row and appends the aggregate's events to the outbox. */
  abstract save(calendar: Calendar): Promise<void>;
}
