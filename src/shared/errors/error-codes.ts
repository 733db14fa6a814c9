import { HttpStatus } from '@nestjs/common';
import { CATEGORY_STATUS } from './category-status';
import { ErrorCategory, ErrorCode, ErrorDefinition } from './error-code';
import { EXTENSION_ERRORS } from './extension-error-codes';

export { ErrorCategory, ErrorCode } from './error-code';
export type { ErrorDefinition } from './error-code';

export const ERROR_CATALOGUE: Record<ErrorCode, ErrorDefinition> = {
  [ErrorCode.ValidationFailed]: {
    category: ErrorCategory.Validation,
    message: 'Request validation failed.',
  },
  [ErrorCode.MalformedJson]: {
    category: ErrorCategory.Validation,
    message: 'The request body is not valid JSON.',
  },
  [ErrorCode.InvalidCursor]: {
    category: ErrorCategory.Validation,
    message: 'The pagination cursor is invalid.',
  },
  [ErrorCode.InvalidIdentifier]: {
    category: ErrorCategory.Validation,
    message: 'The identifier is not valid.',
  },
  [ErrorCode.BadRequest]: {
    category: ErrorCategory.Validation,
    message: 'The request is not valid.',
  },
  [ErrorCode.InvalidConfiguration]: {
    category: ErrorCategory.RuleViolation,
    message: 'The configuration is not valid.',
  },
  [ErrorCode.InvalidGrant]: {
    category: ErrorCategory.Validation,
    message: 'Only the client_credentials grant is supported.',
  },
  [ErrorCode.InvalidIdempotencyKey]: {
    category: ErrorCategory.Validation,
    message: 'The Idempotency-Key header must be 1-200 printable ASCII characters.',
  },
  [ErrorCode.IdempotencyKeyReused]: {
    category: ErrorCategory.Validation,
    message: 'This Idempotency-Key was already used for a different request.',
  },
  [ErrorCode.Unauthenticated]: {
    category: ErrorCategory.Unauthenticated,
    message: 'Authentication is required.',
  },
  [ErrorCode.InvalidToken]: {
    category: ErrorCategory.Unauthenticated,
    message: 'The access token is invalid or expired.',
  },
  [ErrorCode.InvalidClientCredentials]: {
    category: ErrorCategory.Unauthenticated,
    message: 'Invalid client credentials.',
  },
  [ErrorCode.MissingPermission]: {
    category: ErrorCategory.Forbidden,
    message: 'You lack the permission this action needs.',
  },
  [ErrorCode.NotInitiator]: {
    category: ErrorCategory.Forbidden,
    message: 'Only the initiator of the case may do this.',
  },
  [ErrorCode.ProxySaveRequired]: {
    category: ErrorCategory.Forbidden,
    message: 'Acting on behalf of someone else needs CASE_INSTANCE_PROXY_SAVE.',
  },
  [ErrorCode.RouteNotFound]: { category: ErrorCategory.NotFound, message: 'No such route.' },
  [ErrorCode.SolutionNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Solution not found.',
  },
  [ErrorCode.ProcessNotFound]: { category: ErrorCategory.NotFound, message: 'Process not found.' },
  [ErrorCode.CaseTypeNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Case type not found.',
  },
  [ErrorCode.PriorityNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Priority not found.',
  },
  [ErrorCode.CaseNotFound]: { category: ErrorCategory.NotFound, message: 'Case not found.' },
  [ErrorCode.CaseTypeFileNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Case type file not found.',
  },
  [ErrorCode.OAuthClientNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'OAuth client not found.',
  },
  [ErrorCode.DocumentNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Document not found.',
  },
  [ErrorCode.TagNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Tag not found on this case.',
  },
  [ErrorCode.WatcherNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Watcher not found on this case.',
  },
  [ErrorCode.UnknownState]: { category: ErrorCategory.NotFound, message: 'Unknown case state.' },
  [ErrorCode.StoredFileNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'The stored file is missing.',
  },
  [ErrorCode.Conflict]: {
    category: ErrorCategory.Conflict,
    message: 'The request conflicts with the current state.',
  },
  [ErrorCode.InvalidTransition]: {
    category: ErrorCategory.Conflict,
    message: 'This action is not allowed in the current state.',
  },
  [ErrorCode.StaleVersion]: {
    category: ErrorCategory.Conflict,
    message: 'The resource was changed by someone else.',
  },
  [ErrorCode.AlreadyClaimed]: {
    category: ErrorCategory.Conflict,
    message: 'The case is already claimed by another user.',
  },
  [ErrorCode.DuplicateCode]: {
    category: ErrorCategory.Conflict,
    message: 'The code is already in use.',
  },
  [ErrorCode.IdempotencyInProgress]: {
    category: ErrorCategory.Conflict,
    message: 'A request with this Idempotency-Key is still in progress.',
  },
  [ErrorCode.DefinitionUnavailable]: {
    category: ErrorCategory.Conflict,
    message: 'The definition is inactive or deleted.',
  },
  [ErrorCode.ParentDeleted]: {
    category: ErrorCategory.Conflict,
    message: 'The parent definition is deleted.',
  },
  [ErrorCode.NotClaimedByCaller]: {
    category: ErrorCategory.Conflict,
    message: 'The case is not claimed by you.',
  },
  [ErrorCode.PriorityInUse]: {
    category: ErrorCategory.Conflict,
    message: 'The priority is still referenced.',
  },
  [ErrorCode.PayloadTooLarge]: {
    category: ErrorCategory.TooLarge,
    message: 'The request body is too large.',
  },
  [ErrorCode.UnsupportedMediaType]: {
    category: ErrorCategory.UnsupportedMediaType,
    message: 'Unsupported media type.',
  },
  [ErrorCode.RateLimited]: { category: ErrorCategory.RateLimited, message: 'Too many requests.' },
  [ErrorCode.Internal]: { category: ErrorCategory.Internal, message: 'Internal error.' },
  [ErrorCode.DependencyUnavailable]: {
    category: ErrorCategory.Unavailable,
    message: 'A dependency is unavailable; try again.',
  },
  ...EXTENSION_ERRORS,
};

export { CATEGORY_STATUS };

export function statusOf(code: ErrorCode): HttpStatus {
  return CATEGORY_STATUS[ERROR_CATALOGUE[code].category];
}
