import { Permission } from '../../../shared/auth/permission.enum';

export class OAuthClientResponseDto {
  clientId: string;
  name: string;
  permissions: Permission[];
  createdBy: string;
  createdAt: Date;
}

export class CreatedOAuthClientResponseDto extends OAuthClientResponseDto {
  /** Shown once; only a hash is stored. */
  clientSecret: string;
}

export class RevokedOAuthClientResponseDto {
  clientId: string;
  revoked: true;
}

export class TokenResponseDto {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}
