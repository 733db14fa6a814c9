import { IntersectionType } from '@nestjs/swagger';
import { CaseTypeConfigRequestDto } from '../case-type-config.request.dto';
import { DefinitionChangesRequestDto } from '../definition-changes.request.dto';

export class UpdateCaseTypeRequestDto extends IntersectionType(
  DefinitionChangesRequestDto,
  CaseTypeConfigRequestDto,
) {}
