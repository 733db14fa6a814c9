import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Actor } from './actor';
import { Permission } from './permission.enum';
import { ErrorResponseDto } from '../http/error-response.dto';

export const IS_PUBLIC_KEY = 'auth:public';
export const PERMISSIONS_KEY = 'auth:permissions';
export const PERMISSION_MODE_KEY = 'auth:permission-mode';

export type PermissionMode = 'any' | 'all' | 'authenticated';

/** The route needs no token. */
export const Public = () =>
  applyDecorators(
    SetMetadata(IS_PUBLIC_KEY, true),
    ApiExtension('x-permissions', { public: true }),
  );

function secured(permissions: Permission[], mode: PermissionMode) {
  const description =
    mode === 'authenticated'
      ? 'Any authenticated caller.'
      : `Requires ${mode === 'all' ? 'all' : 'any'} of: ${permissions.join(', ')} (CASE_ALL passes).`;
  return applyDecorators(
    SetMetadata(PERMISSIONS_KEY, permissions),
    SetMetadata(PERMISSION_MODE_KEY, mode),
    ApiBearerAuth(),
    ApiExtension('x-permissions', { mode, permissions }),
    ApiUnauthorizedResponse({
      description: 'CASE4010/CASE4011: missing, invalid or expired token.',
      type: ErrorResponseDto,
    }),
    ApiForbiddenResponse({
      description: `CASE4030: missing permission. ${description}`,
      type: ErrorResponseDto,
    }),
  );
}

/** Any one of the listed permissions passes; CASE_ALL passes every check. */
export const RequirePermissions = (...permissions: Permission[]) => secured(permissions, 'any');

/** Every listed permission is needed (CASE_ALL passes). */
export const RequireAllPermissions = (...permissions: Permission[]) => secured(permissions, 'all');

/** Any valid token passes. */
export const Authenticated = () => secured([], 'authenticated');

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ user?: Actor }>();
  if (!request.user) throw new Error('CurrentActor used on a public route');
  return request.user;
});
