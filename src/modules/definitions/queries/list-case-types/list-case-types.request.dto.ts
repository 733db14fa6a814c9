import { IsOptional, IsUUID } from 'class-validator';
import { ListSolutionsRequestDto } from '../list-solutions/list-solutions.request.dto';

export class ListCaseTypesRequestDto extends ListSolutionsRequestDto {
  @IsOptional()
  @IsUUID()
  processId?: string;

  @IsOptional()
  @IsUUID()
  solutionId?: string;
}
