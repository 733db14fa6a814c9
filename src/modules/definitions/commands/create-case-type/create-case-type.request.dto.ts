import { IntersectionType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CaseTypeConfigRequestDto } from '../case-type-config.request.dto';
import { DefinitionFieldsRequestDto } from '../definition-fields.request.dto';

export class CreateCaseTypeRequestDto extends IntersectionType(
  DefinitionFieldsRequestDto,
  CaseTypeConfigRequestDto,
) {
  /** A live process of the tenant (an inactive one is fine). */
  @IsUUID()
  processId: string;
}
