import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HolidayRequestDto } from '../holiday.request.dto';
import { WorkingHoursRequestDto } from '../working-hours.request.dto';

export const MAX_HOLIDAYS = 1000;

export class CreateCalendarRequestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ example: 'Europe/Berlin', description: 'An IANA time zone name.' })
  @IsString()
  @MaxLength(100)
  timeZone: string;

  @IsObject()
  @ValidateNested()
  @Type(() => WorkingHoursRequestDto)
  workingHours: WorkingHoursRequestDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_HOLIDAYS)
  @ValidateNested({ each: true })
  @Type(() => HolidayRequestDto)
  holidays?: HolidayRequestDto[];
}
