import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event bus and the event metrics became taps (OutboxTap): they see each batch as it is fanned
 * out and have no deliveries any more. Their pending deliveries go, and the rows they alone kept
 * unpublished are published, so the purge can take them.
 */
export class OutboxTaps1765980000000 implements MigrationInterface {
  name = 'OutboxTaps1765980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM outbox_deliveries WHERE subscriber IN ('event-bus', 'event-metrics')`,
    );
    await q.query(`
      UPDATE outbox o SET published_at = now()
       WHERE o.fanned_out_at IS NOT NULL AND o.published_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.outbox_id = o.id)`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the events already went to the bus and the counter.
  }
}
