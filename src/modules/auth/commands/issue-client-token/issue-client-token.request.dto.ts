import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * RFC 6749 §4.4.2 parameters, form-encoded or JSON. The client authenticates either with HTTP
 * Basic (client_secret_basic) or with client_id and client_secret here (client_secret_post).
 */
export class IssueClientTokenRequestDto {
  /** Only `client_credentials` is supported (anything else: unsupported_grant_type, CASE4006). */
  @IsString()
  @MaxLength(100)
  grant_type: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  client_id?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  client_secret?: string;

  /** Accepted for compatibility with OAuth clients; the token carries the client's permissions. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  scope?: string;
}
