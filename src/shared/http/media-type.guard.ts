import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

/** Body formats a route must declare (@ApiConsumes) to receive; JSON needs no declaration. */
const DECLARED_ONLY = ['multipart/form-data', 'application/x-www-form-urlencoded'];

/**
 * A form or multipart body sent to a JSON route would reach the handler as an empty or
 * all-string object; it is a 415 instead, so the documented media types are the only ones.
 */
@Injectable()
export class MediaTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!DECLARED_ONLY.includes(type)) return true;
    const consumes =
      this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    if (consumes.includes(type)) return true;
    throw new DomainError(
      ErrorCode.UnsupportedMediaType,
      `This route does not accept '${type}'; send application/json.`,
    );
  }
}
