import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../../shared/http/pagination';
import { toBoolean } from '../../../../shared/http/query-transforms';

export class ListSolutionsRequestDto extends PageQueryDto {
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  /** Case-insensitive search in name and code. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
