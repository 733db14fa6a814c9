import { applyDecorators } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiWrite } from '../../../shared/http/api-responses';
import { VersionETag } from '../../../shared/http/etag';
import { SuccessCode } from '../../../shared/http/success-codes';
import { CaseResponseDto } from './case.response.dto';
import { ApiIfMatch } from './if-match';

/** A `POST /cases/:id/<action>` route answering the case (and its ETag) with a seed success code. */
export const CaseActionRoute = (
  path: string,
  code: SuccessCode,
  permissions: Permission[],
  errors: ErrorCode[] = [],
) =>
  applyDecorators(
    Post(path),
    RequirePermissions(...permissions),
    ApiWrite(code, CaseResponseDto),
    VersionETag(),
    ApiErrors(
      ErrorCode.InvalidIdentifier,
      ErrorCode.CaseNotFound,
      ErrorCode.InvalidTransition,
      ErrorCode.StaleVersion,
      ...errors,
    ),
    ApiIfMatch(),
  );
