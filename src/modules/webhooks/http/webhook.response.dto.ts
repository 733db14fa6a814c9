export class WebhookResponseDto {
  id: string;
  url: string;
  /** Exact event types, prefix wildcards (`case.*`) or `*`. */
  events: string[];
  description: string | null;
  active: boolean;
  /** Until then deliveries carry a second signature made with the secret before the last rotation. */
  previousSecretUntil: Date | null;
  /** Start of the current run of failed attempts (null while the endpoint answers 2xx). */
  failingSince: Date | null;
  consecutiveFailures: number;
  /** When the endpoint was disabled after repeated failures (null when enabled or never). */
  disabledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
