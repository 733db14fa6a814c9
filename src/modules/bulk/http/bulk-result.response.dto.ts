import { ApiProperty } from '@nestjs/swagger';

export class BulkCaseResultDto {
  /** The case as given in `caseIds`. */
  id: string;

  /** The HTTP status the single-case route would have answered. */
  @ApiProperty({ type: 'integer', example: 200 })
  status: number;

  /** Its success code, or the error code the case's command raised. */
  @ApiProperty({ example: 'CASE0602' })
  code: string;
}

export class BulkResultResponseDto {
  @ApiProperty({ example: 'assign' })
  action: string;

  @ApiProperty({ type: 'integer', example: 499 })
  succeeded: number;

  @ApiProperty({ type: 'integer', example: 1 })
  failed: number;

  /** One per case, in the order of `caseIds`. */
  results: BulkCaseResultDto[];
}
