import { IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../../shared/http/pagination';

export class ListDirectoryUsersRequestDto extends PageQueryDto {
  /** Only members of this group. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  group?: string;

  /** Part of the id, name or e-mail (case-insensitive). */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}
