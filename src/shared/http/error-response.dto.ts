import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'name' })
  field?: string;

  @ApiProperty({ example: 'name must be a string' })
  message: string;
}

export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'CASE4000', description: 'See the error catalogue in the README.' })
  code: string;

  @ApiProperty({ example: 'Request validation failed.' })
  message: string;

  @ApiPropertyOptional({ type: [ErrorDetailDto] })
  details?: ErrorDetailDto[];

  @ApiProperty({ example: '7f6c1f5e-3c1b-4f21-9d57-2d2b9c7c1a11' })
  correlationId: string;
}
