import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { ProcessResponseDto } from '../../http/process.response.dto';

export class GetProcessQuery extends Query<ProcessResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly processId: string,
  ) {
    super();
  }
}
