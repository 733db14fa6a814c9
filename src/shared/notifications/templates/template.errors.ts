import { DomainError, NotFoundError } from '../../errors/domain-error';
import { ErrorCode } from '../../errors/error-codes';

export class NotificationKindUnknownError extends NotFoundError {
  constructor(kind: string) {
    super(ErrorCode.NotificationKindUnknown, `Unknown notification kind '${kind.slice(0, 100)}'.`);
  }
}

export class NotificationLocaleInvalidError extends DomainError {
  constructor() {
    super(ErrorCode.NotificationLocaleInvalid, undefined, [
      { field: 'locale', message: 'locale must be a language tag like en or de-CH' },
    ]);
  }
}

export class NotificationTemplateInvalidError extends DomainError {
  constructor(problems: { field: string; message: string }[]) {
    super(ErrorCode.NotificationTemplateInvalid, undefined, problems);
  }
}
