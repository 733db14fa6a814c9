import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { isValidEventFilter } from './event-filter';
import { isValidWebhookSecret } from './webhook-secret';

export function assertEventFilters(filters: string[]): void {
  const bad = filters.filter((f) => !isValidEventFilter(f));
  if (bad.length > 0) {
    throw new DomainError(
      ErrorCode.WebhookEventFilterInvalid,
      undefined,
      bad.map((f) => ({ field: 'events', message: `invalid filter ${JSON.stringify(f)}` })),
    );
  }
}

export function assertSecret(secret: string): void {
  if (!isValidWebhookSecret(secret)) {
    throw new DomainError(ErrorCode.WebhookSecretInvalid, undefined, [
      { field: 'secret', message: 'must be whsec_ and base64 of 24-64 bytes' },
    ]);
  }
}
