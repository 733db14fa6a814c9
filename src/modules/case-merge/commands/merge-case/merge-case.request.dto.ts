import { IsUUID } from 'class-validator';

export class MergeCaseRequestDto {
  /** The GUID of the case to merge into: visible to the caller, and open. */
  @IsUUID()
  intoCaseId: string;
}
