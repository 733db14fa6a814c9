/** A delivery that can never succeed (malformed address, permanent SMTP rejection): no retry. */
export class UndeliverableNotificationError extends Error {
  override readonly name = 'UndeliverableNotificationError';
}

/** An error's message without URL credentials (an SMTP_URL may carry a password), bounded. */
export function safeErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\/\/[^\s/@]*@/g, '//***@').slice(0, 1000);
}
