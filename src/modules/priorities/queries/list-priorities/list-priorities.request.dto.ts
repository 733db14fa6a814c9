import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../../shared/http/pagination';
import { toBoolean } from '../../../../shared/http/query-transforms';

export class ListPrioritiesRequestDto extends PageQueryDto {
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;
}
