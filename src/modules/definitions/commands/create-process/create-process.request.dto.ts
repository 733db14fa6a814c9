import { IsUUID } from 'class-validator';
import { DefinitionFieldsRequestDto } from '../definition-fields.request.dto';

export class CreateProcessRequestDto extends DefinitionFieldsRequestDto {
  /** A live solution of the tenant (an inactive one is fine). */
  @IsUUID()
  solutionId: string;
}
