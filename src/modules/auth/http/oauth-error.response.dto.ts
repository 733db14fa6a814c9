import { ApiProperty } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../../shared/http/error-response.dto';

/** RFC 6749 §5.2 error response; `code`, `message` and the rest are the service's envelope. */
export class OAuthErrorResponseDto extends ErrorResponseDto {
  @ApiProperty({
    enum: ['invalid_request', 'invalid_client', 'unsupported_grant_type'],
    example: 'invalid_client',
  })
  error: string;

  @ApiProperty({ example: 'Invalid client credentials.' })
  error_description: string;
}
