import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../../shared/auth/actor';
import { CaseState } from '../../../../../shared/domain/case-state';
import { JsonTimestamps } from '../../../../../shared/database/json-timestamps';
import { ListEnvelope } from '../../../../../shared/http/envelope';
import { CaseResponseDto } from '../../../http/case.response.dto';

/** Which cases a list starts from, before filters: each list route has its own. */
export type CaseView = 'all' | 'assigned' | 'mine' | 'unassigned';

export type CaseSort = 'createdAt' | 'dueDate' | 'priority' | 'slaDueAt';

/** The SLA summary a case carries (see refreshSlaSummary in the sla module). */
export const SLA_STATUSES = ['breached', 'at-risk', 'met'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

export interface CaseListFilters {
  state?: CaseState[];
  caseTypeId?: string;
  priorityId?: string;
  assignedToUser?: string;
  assignedToGroup?: string;
  initiatorId?: string;
  tag?: string;
  q?: string;
  createdFrom?: Date;
  createdTo?: Date;
  dueBefore?: Date;
  slaStatus?: SlaStatus[];
  /** `field.<key>=<value>` filters as sent (resolved by field-filters.ts). */
  field?: Record<string, unknown>;
}

/** A case in a list page: the case view, its timestamps already in their JSON form. */
export type CaseListItem = JsonTimestamps<CaseResponseDto>;

export class ListCasesQuery extends Query<ListEnvelope<CaseListItem>> {
  constructor(
    readonly actor: Actor,
    readonly view: CaseView,
    readonly filters: CaseListFilters,
    readonly sort: CaseSort,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
