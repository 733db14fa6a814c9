import { Permission } from '../../../shared/auth/permission.enum';

export interface OAuthClient {
  id: string;
  clientId: string;
  name: string;
  secretHash: string;
  permissions: Permission[];
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}
