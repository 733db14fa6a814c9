import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import { BULK_ACTIONS, BulkAction } from './bulk-actions';
import { BulkParamsRequestDto } from './bulk-params.request.dto';

export const MAX_BULK_CASES = 500;

export class RunBulkActionRequestDto {
  /** Case GUIDs or displayIds, each at most once. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_CASES)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 220, { each: true })
  caseIds: string[];

  @ApiProperty({
    enum: BULK_ACTIONS,
    description:
      'assign and priority edit the case (CASE_EDIT), tag adds tags (CASE_EDIT), the others are the lifecycle actions with their own permissions.',
  })
  @IsIn(BULK_ACTIONS)
  action: BulkAction;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BulkParamsRequestDto)
  params?: BulkParamsRequestDto;
}
