import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../../../shared/domain/domain-event';
import { TransactionalSubscriber } from '../../../shared/outbox/transactional-subscriber';
import { ActivityLog, ActivityRecord, recordsActivity } from '../activity-log';

/** The case activity log: one entry per stored event that is an ActivityRecord, same transaction. */
@Injectable()
export class ActivitySubscriber extends TransactionalSubscriber {
  readonly name = 'activity';
  readonly order = 10;

  constructor(private readonly activityLog: ActivityLog) {
    super();
  }

  handles(event: DomainEvent): boolean {
    return recordsActivity(event);
  }

  handle(events: DomainEvent[]): Promise<void> {
    return this.activityLog.append(
      (events as (DomainEvent & ActivityRecord)[]).map((e) => e.toActivity()),
    );
  }
}
