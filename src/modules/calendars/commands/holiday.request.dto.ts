import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class HolidayRequestDto {
  @ApiProperty({
    example: '2026-12-25',
    description: 'A local date; working time that starts on it is blanked.',
  })
  @IsString()
  @MaxLength(10)
  date: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;
}
