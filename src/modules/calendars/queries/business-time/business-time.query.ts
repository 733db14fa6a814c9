import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { BusinessTimeResponseDto } from '../../http/business-time.response.dto';

export class BusinessTimeQuery extends Query<BusinessTimeResponseDto> {
  constructor(
    readonly actor: Actor,
    readonly calendarId: string,
    readonly from: Date,
    readonly question: { addMinutes: number } | { to: Date },
  ) {
    super();
  }
}
