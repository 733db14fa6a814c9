import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../http/pagination';
import { toBoolean } from '../../http/query-transforms';

export class ListInboxRequestDto extends PageQueryDto {
  /** Only notifications not yet read. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unread?: boolean;
}
