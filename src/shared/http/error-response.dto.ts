import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'name' })
  field?: string;

  @ApiProperty({ example: 'name must be a string' })
  message: string;

  // What some conflicts add, for a client to act on without parsing the message.
  @ApiPropertyOptional({ example: 4, description: 'Stale version (CASE4092): the current one.' })
  currentVersion?: number;

  @ApiPropertyOptional({
    example: 'IN_PROCESS',
    description: 'Action not allowed (CASE4091): the state the case is in.',
  })
  currentState?: string;

  @ApiPropertyOptional({
    example: 'open',
    description: 'Action not allowed (CASE4091): the action refused.',
  })
  action?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['alice'],
    description: 'Already claimed (CASE4093): the users holding the claim.',
  })
  claimedBy?: string[];
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
