import { createHmac } from 'node:crypto';
import { secretKeyBytes } from '../domain/webhook-secret';

/** Standard Webhooks headers; with a previous secret still in its overlap window, both signatures. */
export function signedHeaders(
  id: string,
  timestamp: Date,
  body: string,
  secrets: string[],
): Record<string, string> {
  const seconds = Math.floor(timestamp.getTime() / 1000);
  const signatures = secrets.map(
    (secret) =>
      `v1,${createHmac('sha256', secretKeyBytes(secret)).update(`${id}.${seconds}.${body}`).digest('base64')}`,
  );
  return {
    'webhook-id': id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': signatures.join(' '),
  };
}
