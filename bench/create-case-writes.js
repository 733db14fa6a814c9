/*
 * The writes of the create-case benchmark's baselines (create-case-baseline.js and
 * create-case-nest-floor.js): what CreateCaseHandler → CaseRepository.save does for a case without
 * SLA, priority or comment, in one transaction: case type lookup, counter, case row, activity
 * entry, outbox event (written as already relayed; see create-case-baseline.js). Resolves to
 * `{ id, displayId }`, or null for a body without `caseTypeId` and `details` or an unknown type.
 */
const { randomUUID } = require('node:crypto');

async function createCase(pool, tenant, userId, body) {
  const { caseTypeId, details } = body;
  if (typeof caseTypeId !== 'string' || typeof details !== 'string') return null;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const type = await client.query(
      `SELECT id, name FROM case_types WHERE client_id = $1 AND id = $2 AND active`,
      [tenant, caseTypeId],
    );
    if (type.rowCount === 0) {
      await client.query('ROLLBACK');
      return null;
    }
    const now = new Date();
    const id = randomUUID();
    const { rows } = await client.query(
      `INSERT INTO case_counters (client_id, last_seq) VALUES ($1, 1)
       ON CONFLICT (client_id) DO UPDATE SET last_seq = case_counters.last_seq + 1
       RETURNING last_seq`,
      [tenant],
    );
    const seq = rows[0].last_seq;
    const displayId = `CM${tenant}-${seq}`;
    await client.query(
      `INSERT INTO cases (id, client_id, seq, display_id, case_type_id, state, details,
                          initiator_id, initiator_type, assigned_to_users, assigned_to_groups,
                          watchers, tags, created_by, created_at, updated_by, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, 'NEW', $6, $7, 'USER', '{}', '{}', '{}', '{}', $7, $8, $7, $8, 1)`,
      [id, tenant, seq, displayId, caseTypeId, details, userId, now],
    );
    const payload = JSON.stringify({ caseId: id, displayId, caseTypeId, state: 'NEW' });
    await client.query(
      `INSERT INTO case_activities (client_id, case_id, type, actor_id, occurred_at, data)
       VALUES ($1, $2, 'case.created', $3, $4, $5::jsonb)`,
      [tenant, id, userId, now, payload],
    );
    await client.query(
      `WITH counter AS (
         INSERT INTO outbox_sequences AS s (client_id, aggregate_id, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (client_id, aggregate_id) DO UPDATE SET last_seq = s.last_seq + 1
         RETURNING last_seq)
       INSERT INTO outbox (client_id, type, aggregate_id, payload, occurred_at, seq,
                           fanned_out_at, published_at)
       SELECT $1, 'case.created', $2, $3::jsonb, $4, last_seq, $4, $4 FROM counter`,
      [tenant, id, payload, now],
    );
    await client.query('COMMIT');
    return { id, displayId };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

module.exports = { createCase };
