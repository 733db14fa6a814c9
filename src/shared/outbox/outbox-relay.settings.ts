import { OutboxConfig } from '../../config/configuration';

const MAX_RETRY_DELAY_MS = 3_600_000;

/** What the relay needs of the `outbox` configuration (tests override this token). */
export class OutboxRelaySettings {
  /** Run the polling loop in this process (claims, deliveries and the purge). */
  enabled: boolean;
  pollIntervalMs: number;
  /** How long after a local commit's wake-up the round starts: commits meanwhile join it. */
  wakeDelayMs: number;
  /** Outbox rows fanned out, and deliveries claimed per subscriber, per round. */
  batchSize: number;
  /** A claimed delivery not acknowledged within this is delivered again. */
  leaseMs: number;
  retryBaseMs: number;
  retentionMs: number;
  /** How often a relay looks for published rows past the retention. */
  purgeEveryMs: number;

  static from(config: OutboxConfig): OutboxRelaySettings {
    return {
      enabled: config.relayEnabled,
      pollIntervalMs: config.pollIntervalMs,
      wakeDelayMs: config.wakeDelayMs,
      batchSize: config.batchSize,
      leaseMs: config.leaseSeconds * 1000,
      retryBaseMs: config.retryBaseMs,
      retentionMs: config.retentionHours * 3_600_000,
      purgeEveryMs: 60_000,
    };
  }
}

/** Exponential backoff after the `attempt`-th failed delivery: base, 2·base, 4·base… capped at 1 h. */
export function retryDelayMs(settings: OutboxRelaySettings, attempt: number): number {
  const delay = settings.retryBaseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  return Math.min(delay, MAX_RETRY_DELAY_MS);
}
