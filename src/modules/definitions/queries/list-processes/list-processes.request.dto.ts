import { IsOptional, IsUUID } from 'class-validator';
import { ListSolutionsRequestDto } from '../list-solutions/list-solutions.request.dto';

export class ListProcessesRequestDto extends ListSolutionsRequestDto {
  @IsOptional()
  @IsUUID()
  solutionId?: string;
}
