import { HttpStatus } from '@nestjs/common';
import { CATEGORY_STATUS } from './category-status';
import { ErrorCategory, ErrorCode, ErrorDefinition } from './error-code';

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
  // Directory and notifications (extension)
  [ErrorCode.DirectoryUserNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'User not found in the directory.',
  },
  [ErrorCode.NotificationNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Notification not found.',
  },
  [ErrorCode.NotificationKindUnknown]: {
    category: ErrorCategory.NotFound,
    message: 'Unknown notification kind.',
  },
  [ErrorCode.NotificationLocaleInvalid]: {
    category: ErrorCategory.Validation,
    message: 'The locale must be a language tag like en or de-CH.',
  },
  [ErrorCode.NotificationTemplateInvalid]: {
    category: ErrorCategory.Validation,
    message: 'The notification template does not compile.',
  },
  // Platform hardening: slow clients and storage faults.
  [ErrorCode.RequestTimeout]: {
    category: ErrorCategory.RequestTimeout,
    message: 'The request was not received in time.',
  },
  [ErrorCode.HeadersTooLarge]: {
    category: ErrorCategory.HeadersTooLarge,
    message: 'The request headers are too large.',
  },
  [ErrorCode.ExpectationFailed]: {
    category: ErrorCategory.ExpectationFailed,
    message: 'Only the Expect: 100-continue expectation is supported.',
  },
  [ErrorCode.StorageUnavailable]: {
    category: ErrorCategory.Unavailable,
    message: 'File storage is unavailable; try again later.',
  },
  [ErrorCode.StorageFull]: {
    category: ErrorCategory.InsufficientStorage,
    message: 'File storage is full.',
  },
  [ErrorCode.InvalidCalendar]: {
    category: ErrorCategory.RuleViolation,
    message: 'The calendar is not valid.',
  },
  [ErrorCode.BusinessTimeOutOfRange]: {
    category: ErrorCategory.RuleViolation,
    message: 'The business-time calculation is outside the supported range (about ten years).',
  },
  [ErrorCode.CalendarNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Calendar not found.',
  },
  [ErrorCode.CalendarInUse]: {
    category: ErrorCategory.Conflict,
    message: 'The calendar is still referenced.',
  },
  [ErrorCode.InvalidCaseFields]: {
    category: ErrorCategory.RuleViolation,
    message: 'The case fields do not match the case type’s field definitions.',
  },
  [ErrorCode.InvalidFieldFilter]: {
    category: ErrorCategory.Validation,
    message: 'A field.key=value list filter is not valid.',
  },
  [ErrorCode.CaseLinkToSelf]: {
    category: ErrorCategory.RuleViolation,
    message: 'A case cannot be linked to itself.',
  },
  [ErrorCode.CaseLinkNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Case link not found.',
  },
  [ErrorCode.CaseLinkCycle]: {
    category: ErrorCategory.Conflict,
    message: 'The link would make a case its own ancestor.',
  },
  [ErrorCode.CaseLinkExists]: {
    category: ErrorCategory.Conflict,
    message: 'The cases are already linked this way.',
  },
  [ErrorCode.NotSavedViewOwner]: {
    category: ErrorCategory.Forbidden,
    message: 'Only the owner of the view (or CASE_ALL) may do this.',
  },
  [ErrorCode.SavedViewNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Saved view not found.',
  },
  [ErrorCode.CaseMergeIntoSelf]: {
    category: ErrorCategory.RuleViolation,
    message: 'A case cannot be merged into itself.',
  },
  [ErrorCode.CaseAlreadyMerged]: {
    category: ErrorCategory.Conflict,
    message: 'The case is already merged into another case.',
  },
  [ErrorCode.CaseMergeTargetClosed]: {
    category: ErrorCategory.Conflict,
    message: 'The target case is completed, canceled or merged; merge into an open case.',
  },
  [ErrorCode.CaseNotMerged]: {
    category: ErrorCategory.Conflict,
    message: 'The case has no merge to undo.',
  },
  [ErrorCode.CaseUnmergeExpired]: {
    category: ErrorCategory.Conflict,
    message: 'The merge is more than 30 days old and can no longer be undone.',
  },
  [ErrorCode.CaseMergeTargetMergedOn]: {
    category: ErrorCategory.Conflict,
    message: 'The target case has since been merged into another case; undo that merge first.',
  },
  [ErrorCode.InvalidReportPeriod]: {
    category: ErrorCategory.Validation,
    message: 'The report period is not valid: from before to, at most 366 days.',
  },
  [ErrorCode.WebhookUrlRefused]: {
    category: ErrorCategory.Validation,
    message:
      'The webhook URL is refused: it must be http(s) and not on a loopback or private network.',
  },
  [ErrorCode.WebhookSecretInvalid]: {
    category: ErrorCategory.Validation,
    message: 'The webhook secret must be whsec_ followed by 24 to 64 base64-encoded bytes.',
  },
  [ErrorCode.WebhookEventFilterInvalid]: {
    category: ErrorCategory.Validation,
    message: 'An event filter must be an event type, a prefix wildcard like case.*, or *.',
  },
  [ErrorCode.WebhookNotFound]: { category: ErrorCategory.NotFound, message: 'Webhook not found.' },
  [ErrorCode.WebhookDeliveryNotFound]: {
    category: ErrorCategory.NotFound,
    message: 'Webhook delivery not found.',
  },
};

export { CATEGORY_STATUS };

export function statusOf(code: ErrorCode): HttpStatus {
  return CATEGORY_STATUS[ERROR_CATALOGUE[code].category];
}
