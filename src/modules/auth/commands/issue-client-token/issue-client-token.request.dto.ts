import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class IssueClientTokenRequestDto {
  /** Only `client_credentials` is supported (anything else: CASE4006). */
  @IsString()
  @MaxLength(100)
  grant_type: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  client_id: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  client_secret: string;

  /** Accepted for compatibility with OAuth clients; the token carries the client's permissions. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  scope?: string;
}
