import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '../../../../shared/http/omittable';
import { MAX_HOLIDAYS } from '../create-calendar/create-calendar.request.dto';
import { HolidayRequestDto } from '../holiday.request.dto';
import { WorkingHoursRequestDto } from '../working-hours.request.dto';

/** Fields left out stay as they are; `workingHours` and `holidays` replace the whole set. */
export class UpdateCalendarRequestDto {
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'An IANA time zone name.' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  timeZone?: string;

  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => WorkingHoursRequestDto)
  workingHours?: WorkingHoursRequestDto;

  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_HOLIDAYS)
  @ValidateNested({ each: true })
  @Type(() => HolidayRequestDto)
  holidays?: HolidayRequestDto[];
}
