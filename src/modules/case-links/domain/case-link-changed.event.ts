import { DomainEvent } from '../../../shared/domain/domain-event';
import { LinkViewType } from './case-link';

/** `case.linked` / `case.unlinked`, one on each of the two cases, as seen from that case. */
export class CaseLinkChangedEvent extends DomainEvent {
  constructor(
    readonly type: 'case.linked' | 'case.unlinked',
    clientId: string,
    caseId: string,
    occurredAt: Date,
    readonly linkId: string,
    readonly linkType: LinkViewType,
    readonly otherCaseId: string,
    readonly actorId: string,
  ) {
    super(clientId, caseId, occurredAt);
  }

  payload(): Record<string, unknown> {
    return {
      caseId: this.aggregateId,
      linkId: this.linkId,
      type: this.linkType,
      otherCaseId: this.otherCaseId,
      actorId: this.actorId,
    };
  }
}
