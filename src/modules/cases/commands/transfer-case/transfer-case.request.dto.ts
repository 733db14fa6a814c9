import { IsUUID } from 'class-validator';
import { CaseActionRequestDto } from '../case-action.request.dto';

export class TransferCaseRequestDto extends CaseActionRequestDto {
  /** The case type the new case is created in. */
  @IsUUID()
  caseTypeId: string;
}
