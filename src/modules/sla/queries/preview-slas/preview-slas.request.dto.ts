import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { SlaRequestDto } from '../../../definitions';

/** A proposed SLA list (as PATCH /case-types/:id would take it) and, optionally, a calendar. */
export class SlaPreviewRequestDto {
  /** Replaces the whole list; send ids back to keep definitions (their open instances follow). */
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SlaRequestDto)
  slas: SlaRequestDto[];

  /** The case type's calendar under the proposal; absent: unchanged, null: around the clock. */
  @IsOptional()
  @IsUUID()
  calendarId?: string | null;
}
