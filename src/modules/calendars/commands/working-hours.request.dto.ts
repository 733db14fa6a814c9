import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { WorkingIntervalRequestDto } from './working-interval.request.dto';

const MAX_PER_DAY = 12;

/** Working intervals per weekday in the calendar's local time; a day left out has none. */
export class WorkingHoursRequestDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => WorkingIntervalRequestDto)
  mon?: WorkingIntervalRequestDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => WorkingIntervalRequestDto)
  tue?: WorkingIntervalRequestDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => WorkingIntervalRequestDto)
  wed?: WorkingIntervalRequestDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => WorkingIntervalRequestDto)
  thu?: WorkingIntervalRequestDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => WorkingIntervalRequestDto)
  fri?: WorkingIntervalRequestDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => WorkingIntervalRequestDto)
  sat?: WorkingIntervalRequestDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PER_DAY)
  @ValidateNested({ each: true })
  @Type(() => WorkingIntervalRequestDto)
  sun?: WorkingIntervalRequestDto[];
}
