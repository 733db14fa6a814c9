import { randomUUID } from 'node:crypto';
import { AggregateRoot } from '../../../shared/domain/aggregate-root';
import { CalendarChange, CalendarChangedEvent } from './calendar-changed.event';
import { InvalidCalendarError } from './calendar.errors';
import { Holiday, validateWorkingWeek, WEEKDAYS, WorkingHours, WorkingWeek } from './working-week';

export interface CalendarProps extends WorkingWeek {
  id: string;
  clientId: string;
  name: string;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface CalendarInput {
  name: string;
  timeZone: string;
  /** Days left out have no working time. */
  workingHours: Partial<WorkingHours>;
  holidays?: Holiday[];
}

function week(input: Partial<WorkingHours>): WorkingHours {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [day, (input[day] ?? []).map(({ start, end }) => ({ start, end }))]),
  ) as WorkingHours;
}

const holidays = (list: Holiday[]) => list.map(({ date, name }) => ({ date, name: name.trim() }));

/** A tenant's working week: the time zone, working intervals per weekday and holidays. */
export class Calendar extends AggregateRoot {
  private constructor(private props: CalendarProps) {
    super();
  }

  static create(clientId: string, input: CalendarInput, actorId: string, now: Date): Calendar {
    const calendar = new Calendar({
      id: randomUUID(),
      clientId,
      name: input.name.trim(),
      timeZone: input.timeZone,
      workingHours: week(input.workingHours),
      holidays: holidays(input.holidays ?? []),
      version: 1,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    calendar.validate();
    calendar.changed('created', actorId, now);
    return calendar;
  }

  static restore(props: CalendarProps): Calendar {
    return new Calendar({ ...props });
  }

  get id(): string {
    return this.props.id;
  }

  get snapshot(): Readonly<CalendarProps> {
    return this.props;
  }

  /** Working hours and holidays given are replaced as a whole. */
  update(changes: Partial<CalendarInput>, actorId: string, now: Date): void {
    const p = this.props;
    this.props = {
      ...p,
      name: changes.name?.trim() ?? p.name,
      timeZone: changes.timeZone ?? p.timeZone,
      workingHours: changes.workingHours ? week(changes.workingHours) : p.workingHours,
      holidays: changes.holidays ? holidays(changes.holidays) : p.holidays,
      version: p.version + 1,
      updatedAt: now,
    };
    this.validate();
    this.changed('updated', actorId, now);
  }

  delete(actorId: string, now: Date): void {
    this.props = { ...this.props, deletedAt: now, updatedAt: now };
    this.changed('deleted', actorId, now);
  }

  private validate(): void {
    const details = validateWorkingWeek(this.props);
    if (details.length > 0) throw new InvalidCalendarError(details);
  }

  private changed(change: CalendarChange, actorId: string, now: Date): void {
    this.record(new CalendarChangedEvent(this.props.clientId, this.props.id, now, change, actorId));
  }
}
