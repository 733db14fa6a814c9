import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class WorkingIntervalRequestDto {
  @ApiProperty({ example: '09:00', description: 'HH:MM local time.' })
  @IsString()
  @MaxLength(5)
  start: string;

  @ApiProperty({
    example: '17:00',
    description: 'HH:MM local time, or 24:00. Earlier than start: the shift ends the next day.',
  })
  @IsString()
  @MaxLength(5)
  end: string;
}
