import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CaseState, TERMINAL_STATES } from '../../../../shared/domain/case-state';
import { CaseStatusLabels } from '../../case-status-labels';
import { CaseStatusResponseDto } from '../../http/case-status.response.dto';
import { ListCaseStatusesQuery } from './list-case-statuses.query';

@QueryHandler(ListCaseStatusesQuery)
export class ListCaseStatusesHandler implements IQueryHandler<ListCaseStatusesQuery> {
  constructor(private readonly labels: CaseStatusLabels) {}

  async execute({ actor }: ListCaseStatusesQuery): Promise<CaseStatusResponseDto[]> {
    const labels = await this.labels.labelsFor(actor.clientId);
    return Object.values(CaseState).map((state) => ({
      state,
      label: labels[state],
      terminal: TERMINAL_STATES.includes(state),
    }));
  }
}
