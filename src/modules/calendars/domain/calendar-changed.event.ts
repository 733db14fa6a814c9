import { DomainEvent } from '../../../shared/domain/domain-event';

export type CalendarChange = 'created' | 'updated' | 'deleted';

export class CalendarChangedEvent extends DomainEvent {
  readonly type: string;

  constructor(
    clientId: string,
    aggregateId: string,
    occurredAt: Date,
    readonly change: CalendarChange,
    readonly actorId: string,
  ) {
    super(clientId, aggregateId, occurredAt);
    this.type = `calendar.${change}`;
  }

  payload(): Record<string, unknown> {
    return { calendarId: this.aggregateId, actorId: this.actorId };
  }
}
