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
  checkouts: number;
}

/**
 * What one `POST /cases` costs the database, counted at the pg driver inside that request's async
 * context, so the app's other work is not counted: the statements sent and the pool checkouts,
 * for the create-case benchmark's type (no SLA, no assignment rule). A change that adds a round
 * trip to the hot path fails here, naming the statements, instead of showing up later as a
 * slower benchmark.
 */
describe('POST /api/v1/cases: database round trips per create (e2e)', () => {
  let t: TestApp;
  let caseTypeId: string;
  const tenant = newTenant();
  const admin = bearer({ tenant });
  const inRequest = new AsyncLocalStorage<DatabaseWork>();
  let work: DatabaseWork = { statements: [], checkouts: 0 };

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
      inRequest.getStore()?.statements.push(typeof sql === 'string' ? sql : sql.text);
      return query.apply(this, args);
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
    work = { statements: [], checkouts: 0 };
    await t.http.post('/api/v1/cases').set(admin).send({ caseTypeId, details }).expect(201);
    return work;
  };

  it('sends 9 statements on 3 pool checkouts', async () => {
    // The first create of a tenant fills caches (the caller's groups are not cached by design).
    await create('Warm');
    const { statements, checkouts } = await create('Printer on fire');
    const oneLine = statements.map((s) => s.replace(/\s+/g, ' ').trim().slice(0, 100));
    expect(oneLine).toHaveLength(9);
    expect(checkouts).toBe(3);
  });
});
