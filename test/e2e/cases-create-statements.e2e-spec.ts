import { AsyncLocalStorage } from 'node:async_hooks';
import { Server } from 'node:http';
import { Client, Pool } from 'pg';
import { CaseRowBuilder } from '../support/builders/case-rows.builder';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

type Listener = (...args: unknown[]) => void;

/** What the requests handled so far sent to the database, counted at the driver. */
interface DatabaseWork {
  statements: string[];
  /** Statements sent while their connection had none in flight: each one a wait for an answer. */
  roundTrips: number;
  checkouts: number;
}

/**
 * What one `POST /cases` costs the database, counted at the pg driver inside that request's async
 * context, so the app's other work is not counted: the statements sent and the pool checkouts,
 * for the create-case benchmark's type (no SLA, no assignment rule). A change that adds a round
 * trip to the hot path fails here, naming the statements, instead of showing up later as a
 * slower benchmark. On PostgreSQL the trailing writes (the case row, the outbox event, the
 * activity entry), the read of the case for the answer (TransactionManager.runThenRead) and the
 * COMMIT go out together (TransactionManager.write): 5 statements in one send, one round trip;
 * and the BEGIN goes out with the first read (TransactionManager.run). PGlite answers them one by
 * one.
 */
describe('POST /api/v1/cases: database round trips per create (e2e)', () => {
  let t: TestApp;
  let caseTypeId: string;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  const inRequest = new AsyncLocalStorage<DatabaseWork>();
  let work: DatabaseWork = { statements: [], roundTrips: 0, checkouts: 0 };
  const inFlight = new WeakMap<Client, number>();

  beforeAll(async () => {
    t = await createTestApp();
    caseTypeId = await new CaseRowBuilder(t.dataSource, tenant).caseType('Incident');
    const server = t.app.getHttpServer() as Server;
    for (const listener of server.listeners('request') as Listener[]) {
      server.removeListener('request', listener);
      server.on('request', (...args: unknown[]) => inRequest.run(work, () => listener(...args)));
    }
    const query = Client.prototype.query as (...args: unknown[]) => unknown;
    jest.spyOn(Client.prototype, 'query').mockImplementation(function (
      this: Client,
      ...args: unknown[]
    ) {
      const sql = args[0] as string | { text: string };
      const store = inRequest.getStore();
      store?.statements.push(typeof sql === 'string' ? sql : sql.text);
      const pending = inFlight.get(this) ?? 0;
      if (store && pending === 0) store.roundTrips += 1;
      inFlight.set(this, pending + 1);
      const answered = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
      // Answered through a callback (the service's runQuery) or through pg's promise.
      const callback = args[args.length - 1];
      if (typeof callback === 'function') {
        args[args.length - 1] = (...results: unknown[]) => {
          answered();
          (callback as Listener)(...results);
        };
      }
      const result = query.apply(this, args);
      if (result instanceof Promise) result.then(answered, answered);
      return result;
    } as typeof Client.prototype.query);
    const connect = Pool.prototype.connect as (...args: unknown[]) => unknown;
    jest.spyOn(Pool.prototype, 'connect').mockImplementation(function (
      this: Pool,
      ...args: unknown[]
    ) {
      const store = inRequest.getStore();
      if (store) store.checkouts += 1;
      return connect.apply(this, args);
    } as typeof Pool.prototype.connect);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const create = async (details: string): Promise<DatabaseWork> => {
    work = { statements: [], roundTrips: 0, checkouts: 0 };
    await t.http.post('/api/v1/cases').set(admin).send({ caseTypeId, details }).expect(201);
    return work;
  };

  const roundTrips = process.env.TEST_DATABASE_URL ? 3 : 8;
  it(`sends 8 statements in ${roundTrips} round trips on 1 pool checkout`, async () => {
    // The first create of a tenant fills caches, the caller's directory groups included.
    await create('Warm');
    const work = await create('Printer on fire');
    const oneLine = work.statements.map((s) => s.replace(/\s+/g, ' ').trim().slice(0, 100));
    expect(oneLine).toHaveLength(8);
    expect([oneLine[0], oneLine[7]]).toEqual(['BEGIN', 'COMMIT']);
    expect(work.roundTrips).toBe(roundTrips);
    expect(work.checkouts).toBe(1);
  });
});
