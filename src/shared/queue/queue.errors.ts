/**
 * A message that can never be handled (not JSON, not an envelope, unknown type, or a payload its
 * handler rejects): it is dead-lettered at once instead of being retried. Handlers throw it for a
 * payload they cannot accept.
 */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
}
