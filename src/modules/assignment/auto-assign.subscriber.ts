import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../../shared/domain/domain-event';
import { TransactionalSubscriber } from '../../shared/outbox/transactional-subscriber';
import { CaseCreatedEvent, CaseEvent, CaseUnclaimedEvent } from '../cases';
import { AutoAssigner } from './auto-assigner';

/**
 * After the created or unclaimed case's own trail (activity 10, comments 20, SLA clocks 30), so
 * its activity entry follows the one of the change that left the case without an agent.
 */
@Injectable()
export class AutoAssignSubscriber extends TransactionalSubscriber {
  readonly name = 'auto-assignment';
  readonly order = 40;

  constructor(private readonly assigner: AutoAssigner) {
    super();
  }

  handles(event: DomainEvent): boolean {
    return (
      (event instanceof CaseCreatedEvent || event instanceof CaseUnclaimedEvent) &&
      AutoAssigner.needsAgent(event)
    );
  }

  async handle(events: DomainEvent[]): Promise<void> {
    for (const event of events as CaseEvent[]) await this.assigner.assign(event);
  }
}
