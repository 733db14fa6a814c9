import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { CaseStatusResponseDto } from '../../http/case-status.response.dto';

export class RelabelCaseStatusCommand extends Command<CaseStatusResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly state: string,
    readonly label: string,
  ) {
    super();
  }
}
