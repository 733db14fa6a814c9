import { Webhook } from 'standardwebhooks';
import { newTenant } from '../support/test-env';
import { tokenFor } from '../support/tokens';
import { firstReceipts, Received, WebhookReceiver } from '../support/webhook-receiver';
import { POSTGRES_URL, scratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import {
  ensureBuilt,
  registerEngineGuard,
  report,
  ServiceProcess,
  sizeFromEnv,
  waitFor,
} from './support/service-process';

/** About PROOF_WEBHOOK_EVENTS events over PROOF_WEBHOOK_CASES cases, for full-size runs. */
const CASES = sizeFromEnv('PROOF_WEBHOOK_CASES', 25);
const EVENTS = sizeFromEnv('PROOF_WEBHOOK_EVENTS', 300);
/** Each case: created, opened, processed, then claim / unclaim / edit in turn. */
const ACTIONS_EACH = Math.max(2, Math.ceil(EVENTS / CASES) - 1);
/**
 * The receiver's answer time. A case's events are sent one at a time and the dispatcher sends
 * WEBHOOK_CONCURRENCY at once, so delivery lags behind: far behind while the events are produced
 * and until the kill (which must find most of them undelivered and some in flight, however slow
 * the machine), less after the restart.
 */
const PRODUCING_DELAY_MS = 800;
const RECEIVER_DELAY_MS = sizeFromEnv('PROOF_WEBHOOK_DELAY_MS', 150);

/** Quick polls, and claims (outbox and webhook leases) that come back a few seconds after the crash. */
const SERVICE_ENV = {
  WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
  WEBHOOK_CONCURRENCY: '8',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_RETRY_BASE_MS: '200',
  WEBHOOK_RETRY_MAX_MS: '1000',
  OUTBOX_POLL_INTERVAL_MS: '50',
  OUTBOX_LEASE_SECONDS: '2',
  OUTBOX_RETRY_BASE_MS: '100',
};

interface Envelope {
  id: string;
  type: string;
  caseId?: string;
}

interface OutboxRow {
  id: string;
  aggregateId: string;
  seq: number;
}

class Api {
  constructor(
    private readonly service: () => ServiceProcess,
    private readonly tenant: string,
  ) {}

  async post(path: string, body: object, method = 'POST'): Promise<{ id: string }> {
    const res = await fetch(`${this.service().baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${tokenFor({ tenant: this.tenant })}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const answer = (await res.json()) as { data: { id: string } };
    if (res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
    return answer.data;
  }

  async caseType(): Promise<string> {
    const code = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`;
    const solution = await this.post('/solutions', { name: 'Hooks', code: code('S') });
    const process = await this.post('/processes', {
      name: 'Hooks',
      code: code('P'),
      solutionId: solution.id,
    });
    return (
      await this.post('/case-types', { name: 'Hooks', code: code('T'), processId: process.id })
    ).id;
  }

  /** One case and its actions, one after the other (each is the next event of the case). */
  async caseWithActions(caseTypeId: string): Promise<string> {
    const { id } = await this.post('/cases', { caseTypeId, details: 'webhook kill proof' });
    await this.post(`/cases/${id}/open`, {});
    await this.post(`/cases/${id}/process`, {});
    for (let i = 2; i < ACTIONS_EACH; i++) {
      if (i % 3 === 2) await this.post(`/cases/${id}/claim`, {});
      else if (i % 3 === 0) await this.post(`/cases/${id}/unclaim`, {});
      else await this.post(`/cases/${id}`, { details: `edit ${i}` }, 'PATCH');
    }
    return id;
  }
}

/** The tenant's committed events, per case in sequence order. */
async function outboxOf(scratch: ScratchDatabase, tenant: string): Promise<OutboxRow[]> {
  return scratch.db.query(
    `SELECT id, aggregate_id AS "aggregateId", seq::int AS seq FROM outbox
      WHERE client_id = $1 ORDER BY aggregate_id, seq`,
    [tenant],
  );
}

async function deliveries(scratch: ScratchDatabase, tenant: string) {
  const [row] = (await scratch.db.query(
    `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
            count(*) FILTER (WHERE status = 'failed')::int AS failed
       FROM webhook_deliveries WHERE client_id = $1`,
    [tenant],
  )) as { pending: number; succeeded: number; failed: number }[];
  return row;
}

function distinctIds(receiver: WebhookReceiver): Set<string> {
  return new Set(receiver.received.map((r) => r.headers['webhook-id'] as string));
}

/**
 * The built service SIGKILLed while webhook deliveries are in flight, then restarted: every event
 * of the tenant reaches the endpoint at least once, each case's events are first received in
 * sequence order, and every request (re-sends included) carries a valid Standard Webhooks
 * signature for the same id and body. Needs real processes and PostgreSQL.
 */
registerEngineGuard('Faults: the service killed mid-delivery of webhooks');

if (POSTGRES_URL) {
  describe('Faults: SIGKILL mid webhook delivery, then restart (e2e, PostgreSQL)', () => {
    let scratch: ScratchDatabase;
    const services: ServiceProcess[] = [];
    const receiver = new WebhookReceiver();
    let url: string;
    const start = async (name: string) => {
      const service = await ServiceProcess.start(name, scratch.url, SERVICE_ENV);
      services.push(service);
      return service;
    };

    beforeAll(async () => {
      await ensureBuilt();
      scratch = await scratchDatabase('proof_webhook_kill');
      url = await receiver.start();
    }, 300_000);
    afterAll(async () => {
      await Promise.all(services.map((s) => s.kill()));
      await receiver.stop();
      await scratch?.drop();
    });

    it('delivers every event at least once, per case in order, signed, across the kill', async () => {
      const tenant = newTenant();
      const first = await start('webhooks-1');
      const api = new Api(() => first, tenant);
      const hook = (await api.post('/webhooks', { url, events: ['*'] })) as {
        id: string;
        secret?: string;
      };
      expect(hook.secret).toMatch(/^whsec_/);
      receiver.delayMs = PRODUCING_DELAY_MS;

      const producing = Date.now();
      const caseTypeId = await api.caseType();
      const caseIds = await Promise.all(
        Array.from({ length: CASES }, () => api.caseWithActions(caseTypeId)),
      );
      const producedIn = Date.now() - producing;
      const expected = await outboxOf(scratch, tenant);
      expect(expected.length).toBeGreaterThanOrEqual(CASES * (ACTIONS_EACH + 1));

      await waitFor(
        'a part of the deliveries',
        async () => distinctIds(receiver).size >= expected.length / 10,
        60_000,
        5,
      );
      const inFlightAtKill = receiver.open;
      await first.kill();
      const atKill = distinctIds(receiver).size;
      // Killed mid-delivery: requests sent but unanswered, and events still to come.
      expect(inFlightAtKill).toBeGreaterThan(0);
      expect(atKill).toBeLessThan(expected.length);

      receiver.delayMs = RECEIVER_DELAY_MS;
      const restarted = Date.now();
      const second = await start('webhooks-2');
      const missing = () => expected.filter((e) => !distinctIds(receiver).has(e.id)).length;
      await waitFor(
        'the restarted service to deliver every event',
        async () => missing() === 0,
        60_000,
        100,
      ).catch((error: Error) => {
        throw new Error(
          `${error.message}: ${missing()} of ${expected.length} never received\n${second.tail()}`,
        );
      });
      await waitFor(
        'every delivery to be recorded',
        async () => (await deliveries(scratch, tenant)).pending === 0,
        20_000,
        100,
      );
      expect(await deliveries(scratch, tenant)).toEqual({
        pending: 0,
        succeeded: expected.length,
        failed: 0,
      });
      const restartedIn = Date.now() - restarted;
      await second.kill();

      expectOnlyResends(receiver.received, new Set(expected.map((e) => e.id)), hook.secret!);
      const lanes = firstReceipts(receiver);
      for (const caseId of caseIds) {
        const inSequence = expected.filter((e) => e.aggregateId === caseId).map((e) => e.id);
        expect(inSequence.length).toBeGreaterThanOrEqual(ACTIONS_EACH + 1);
        expect({ caseId, order: lanes.get(caseId) }).toEqual({ caseId, order: inSequence });
      }
      report(
        `webhook kill: ${expected.length} events over ${CASES} cases produced in ${producedIn} ms; ` +
          `all delivered and recorded ${restartedIn} ms after the restart; killed with ${atKill} ` +
          `received and ${inFlightAtKill} in flight; ${receiver.received.length - expected.length} re-sent`,
      );
    }, 150_000);
  });
}

/** Every request verifies, names a known event, and a repeated id carries the same body. */
function expectOnlyResends(received: Received[], known: Set<string>, secret: string): void {
  const verifier = new Webhook(secret);
  const bodies = new Map<string, string>();
  let badSignatures = 0;
  for (const r of received) {
    const id = r.headers['webhook-id'] as string;
    try {
      verifier.verify(r.body, r.headers as Record<string, string>);
    } catch {
      badSignatures++;
    }
    expect((JSON.parse(r.body) as Envelope).id).toBe(id);
    expect(known.has(id)).toBe(true);
    if (!bodies.has(id)) bodies.set(id, r.body);
    expect(r.body).toBe(bodies.get(id));
  }
  expect(badSignatures).toBe(0);
  expect(bodies.size).toBe(known.size);
}
