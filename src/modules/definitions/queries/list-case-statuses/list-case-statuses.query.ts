import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseStatusResponseDto } from '../../http/case-status.response.dto';

export class ListCaseStatusesQuery extends Query<CaseStatusResponseDto[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}
