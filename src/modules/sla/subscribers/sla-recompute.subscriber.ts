import { Injectable } from '@nestjs/common';
import { OutboxEvent } from '../../../shared/outbox/outbox-event';
import { OutboxSubscriber } from '../../../shared/outbox/outbox-subscriber';
import { SlaRecompute } from '../infrastructure/sla-recompute.sql';

const TYPES = ['calendar.updated', 'calendar.deleted', 'case-type.updated'];

/**
 * After a calendar or a case type changed (and committed), the open SLA instances it affects
 * are recomputed from their history under the new calendar / targets. After commit rather than
 * in the editing transaction: a tenant may have many open cases, and locking them all in the
 * edit would stall it and every case command meanwhile; here each batch of cases is locked in a
 * short transaction of its own, and the relay retries a failure (recomputing is idempotent).
 */
@Injectable()
export class SlaRecomputeSubscriber extends OutboxSubscriber {
  readonly name = 'sla-recompute';

  constructor(private readonly recompute: SlaRecompute) {
    super();
  }

  override handles(type: string): boolean {
    return TYPES.includes(type);
  }

  async handle(event: OutboxEvent): Promise<void> {
    const scope = event.type.startsWith('calendar.')
      ? { kind: 'calendar' as const, calendarId: event.aggregateId }
      : { kind: 'caseType' as const, caseTypeId: event.aggregateId };
    await this.recompute.run(event.clientId, scope);
  }
}
