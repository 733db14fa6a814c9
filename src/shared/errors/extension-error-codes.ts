import { ErrorCategory, ErrorCode, ErrorDefinition } from './error-code';

/**
 * The catalogue's entries for the codes beyond the seed's: the directory and notifications,
 * platform hardening (slow clients, oversized headers, storage), calendars, case fields, links,
 * saved views, merge, reports and webhooks. ERROR_CATALOGUE (error-codes.ts) includes them.
 */
export const EXTENSION_ERRORS = {
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
} satisfies Partial<Record<ErrorCode, ErrorDefinition>>;
