import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor } from '../../../shared/auth/actor';
import {
  IS_PUBLIC_KEY,
  PERMISSION_MODE_KEY,
  PERMISSIONS_KEY,
  PermissionMode,
} from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

/** Global guard after JwtAuthGuard; a route that declares nothing is refused (fail closed). */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const mode = this.reflector.getAllAndOverride<PermissionMode | undefined>(
      PERMISSION_MODE_KEY,
      targets,
    );
    const required =
      this.reflector.getAllAndOverride<Permission[] | undefined>(PERMISSIONS_KEY, targets) ?? [];
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (!actor || !mode) throw new DomainError(ErrorCode.MissingPermission);
    const allowed =
      mode === 'authenticated' ||
      (mode === 'any' ? actor.hasAny(required) : required.every((p) => actor.has(p)));
    if (!allowed) {
      throw new DomainError(
        ErrorCode.MissingPermission,
        `Requires ${mode === 'all' ? 'all' : 'one'} of: ${required.join(', ')}.`,
      );
    }
    return true;
  }
}
