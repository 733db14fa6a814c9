import * as jwt from 'jsonwebtoken';
import { Permission } from '../../src/shared/auth/permission.enum';
import { TEST_JWT_SECRET } from './test-env';

export interface TokenOptions {
  tenant: string;
  user?: string;
  permissions?: (Permission | string)[];
  groups?: string[];
  expiresIn?: number;
  secret?: string;
  extra?: Record<string, unknown>;
}

export function tokenFor(options: TokenOptions): string {
  const {
    tenant,
    user = 'alice',
    permissions = [Permission.CASE_ALL],
    groups = [],
    expiresIn = 600,
  } = options;
  return jwt.sign(
    { sub: user, client_id: tenant, permissions, groups, ...options.extra },
    options.secret ?? TEST_JWT_SECRET,
    { algorithm: 'HS256', expiresIn },
  );
}

export function bearer(options: TokenOptions): { Authorization: string } {
  return { Authorization: `Bearer ${tokenFor(options)}` };
}
