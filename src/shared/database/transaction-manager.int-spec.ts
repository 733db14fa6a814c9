import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { createTestModule, TestModule } from '../../../test/support/test-module';
import { newTenant } from '../../../test/support/test-env';
import { TransactionManager } from './transaction-manager';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const SEQUENCE = `SELECT last_seq::int AS n FROM outbox_sequences WHERE client_id = $1 AND aggregate_id = $2`;

/** Named prepared statements where the server keeps them per connection; plain queries on PGlite. */
describe(`TransactionManager.queryPrepared (integration, ${engine})`, () => {
  let t: TestModule;
  let tx: TransactionManager;

  beforeAll(async () => {
    t = await createTestModule([]);
    tx = t.get(TransactionManager);
  });
  afterAll(() => t?.close());

  it('answers as query does, and inside a transaction reads what that transaction wrote', async () => {
    const [tenant, aggregate] = [newTenant(), randomUUID()];
    await expect(tx.queryPrepared('SELECT $1::int + 1 AS n', [41])).resolves.toEqual([{ n: 42 }]);
    await expect(
      tx.run(async () => {
        await tx.query(
          `INSERT INTO outbox_sequences (client_id, aggregate_id, last_seq) VALUES ($1, $2, 7)`,
          [tenant, aggregate],
        );
        expect(await tx.queryPrepared(SEQUENCE, [tenant, aggregate])).toEqual([{ n: 7 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await tx.queryPrepared(SEQUENCE, [tenant, aggregate])).toEqual([]);
    expect(await tx.query(SEQUENCE, [tenant, aggregate])).toEqual([]);
  });

  it(`keeps a named statement on the connection ${engine === 'PostgreSQL' ? 'on PostgreSQL' : 'nowhere on PGlite'}`, async () => {
    const sql = `SELECT $1::text AS marker -- ${randomUUID()}`;
    const named = await tx.run(async () => {
      await tx.queryPrepared(sql, ['a']);
      await tx.queryPrepared(sql, ['b']);
      return tx.query<{ name: string }>(
        `SELECT name FROM pg_prepared_statements WHERE statement = $1`,
        [sql],
      );
    });
    if (engine === 'PostgreSQL')
      expect(named).toEqual([{ name: expect.stringMatching(/^cms_[0-9a-f]{20}$/) }]);
    else expect(named).toEqual([]);
  });

  it('fails as query does: a QueryFailedError carrying the server’s code', async () => {
    const failure = (run: () => Promise<unknown>) =>
      run().then(
        () => null,
        (error: unknown) => ({
          isQueryFailed: error instanceof QueryFailedError,
          code: (error as QueryFailedError & { driverError: { code: string } }).driverError.code,
        }),
      );
    const plain = await failure(() => tx.query('SELECT $1::uuid AS id', ['not-a-uuid']));
    const prepared = await failure(() => tx.queryPrepared('SELECT $1::uuid AS id', ['not-a-uuid']));
    expect(plain).toEqual({ isQueryFailed: true, code: '22P02' });
    expect(prepared).toEqual(plain);
  });
});
