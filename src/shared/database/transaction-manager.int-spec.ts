import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
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

/**
 * Writes whose answers nobody reads: pipelined on PostgreSQL, awaited on PGlite. Either way a
 * failed one fails the transaction with its own error and keeps nothing.
 */
describe(`TransactionManager.write (integration, ${engine})`, () => {
  let t: TestModule;
  let tx: TransactionManager;
  const insert = `INSERT INTO outbox_sequences (client_id, aggregate_id, last_seq) VALUES ($1, $2, $3)`;
  /** A statement that fails with `code` on the server, whatever the engine. */
  const failing = (code: string) =>
    `DO $$ BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = '${code}'; END $$`;
  const codeOf = (error: unknown) =>
    (error as QueryFailedError & { driverError: { code: string } }).driverError.code;

  beforeAll(async () => {
    t = await createTestModule([]);
    tx = t.get(TransactionManager);
  });
  afterAll(() => t?.close());

  it('keeps what it wrote on commit, and what follows in the transaction reads it', async () => {
    const [tenant, aggregate] = [newTenant(), randomUUID()];
    const read = await tx.run(async () => {
      await tx.write(insert, [tenant, aggregate, 3]);
      await tx.write(`UPDATE outbox_sequences SET last_seq = last_seq * 2 WHERE client_id = $1`, [
        tenant,
      ]);
      return tx.query(SEQUENCE, [tenant, aggregate]);
    });
    expect(read).toEqual([{ n: 6 }]);
    expect(await tx.query(SEQUENCE, [tenant, aggregate])).toEqual([{ n: 6 }]);
  });

  it('fails the transaction with the failed write’s own error: nothing kept, no after-commit reaction', async () => {
    const [tenant, aggregate] = [newTenant(), randomUUID()];
    const reactions: string[] = [];
    const failure = await tx
      .run(async () => {
        tx.afterCommit(() => reactions.push('ran'));
        await tx.write(insert, [tenant, aggregate, 1]);
        await tx.write(failing('23514'));
        // On PostgreSQL this is already behind the failure, in an aborted transaction (25P02).
        await tx.write(insert, [tenant, randomUUID(), 1]).catch(() => undefined);
        return tx.query('SELECT 1 AS one').catch(() => 'after the failure');
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(codeOf(failure)).toBe('23514');
    expect(reactions).toEqual([]);
    expect(await tx.query(`SELECT 1 FROM outbox_sequences WHERE client_id = $1`, [tenant])).toEqual(
      [],
    );
  });

  it('retries a transaction whose write failed on a serialization conflict', async () => {
    const [tenant, aggregate] = [newTenant(), randomUUID()];
    let attempts = 0;
    await tx.run(async () => {
      attempts += 1;
      await tx.write(insert, [tenant, aggregate, attempts]);
      if (attempts === 1) await tx.write(failing('40001'));
    });
    expect(attempts).toBe(2);
    expect(await tx.query(SEQUENCE, [tenant, aggregate])).toEqual([{ n: 2 }]);
  });

  it('is refused outside a transaction', async () => {
    await expect(tx.write('SELECT 1')).rejects.toThrow('needs a transaction');
  });

  // On PGlite there is no socket: writes are awaited one by one.
  (engine === 'PostgreSQL' ? it : it.skip)(
    'on PostgreSQL, sends a transaction’s trailing writes and its COMMIT in one send',
    async () => {
      const [tenant, aggregate] = [newTenant(), randomUUID()];
      const sends: { socket: Socket; text: string }[] = [];
      const record = (socket: Socket, chunks: unknown[]) =>
        sends.push({ socket, text: Buffer.concat(chunks as Buffer[]).toString('latin1') });
      const writev = Socket.prototype._writev!;
      const write = Socket.prototype._write;
      let recording = false;
      const spies = [
        jest.spyOn(Socket.prototype, '_writev').mockImplementation(function (
          this: Socket,
          chunks,
          callback,
        ) {
          if (recording)
            record(
              this,
              chunks.map(({ chunk }) => chunk as Buffer),
            );
          return writev.call(this, chunks, callback);
        }),
        jest.spyOn(Socket.prototype, '_write').mockImplementation(function (
          this: Socket,
          chunk,
          encoding,
          callback,
        ) {
          if (recording) record(this, [chunk]);
          return write.call(this, chunk, encoding, callback);
        }),
      ];
      try {
        await tx.run(async () => {
          await tx.query('SELECT 1'); // the transaction has begun; its socket is the next one used
          recording = true;
          await tx.write(insert, [tenant, aggregate, 1]);
          await tx.write(`UPDATE outbox_sequences SET last_seq = 2 WHERE client_id = $1`, [tenant]);
          await tx.write(`UPDATE outbox_sequences SET last_seq = 3 WHERE client_id = $1`, [tenant]);
        });
      } finally {
        recording = false;
        spies.forEach((spy) => spy.mockRestore());
      }
      const own = sends
        .filter(({ socket }) => socket === sends[0]?.socket)
        .map(({ text }) => text.replace(/[^\x20-\x7e]+/g, ' '));
      expect(own).toHaveLength(1);
      expect(own[0]).toContain('INSERT INTO outbox_sequences');
      expect(own[0].match(/UPDATE outbox_sequences/g)).toHaveLength(2);
      expect(own[0]).toContain('COMMIT');
      expect(await tx.query(SEQUENCE, [tenant, aggregate])).toEqual([{ n: 3 }]);
    },
  );

  // PGlite's pooled connections share one session: a statement blocked there blocks everything.
  (engine === 'PostgreSQL' ? it : it.skip)(
    'on PostgreSQL, returns before the server has answered: the COMMIT waits for it',
    async () => {
      const [tenant, aggregate] = [newTenant(), randomUUID()];
      const lock = Math.floor(Math.random() * 2 ** 31);
      const holder = await t.dataSource.createQueryRunner();
      await holder.connect();
      await holder.query('SELECT pg_advisory_lock($1)', [lock]);
      try {
        let written = false;
        const run = tx.run(async () => {
          // Blocks on the server until the holder lets go; the write does not wait for that.
          await tx.write('SELECT pg_advisory_xact_lock($1)', [lock]);
          await tx.write(insert, [tenant, aggregate, 1]);
          written = true;
        });
        // Awaited writes would never get here while the lock is held: give up after 2 s.
        for (let waited = 0; !written && waited < 2000; waited += 5)
          await new Promise((resolve) => setTimeout(resolve, 5));
        expect(written).toBe(true);
        // The transaction cannot have committed: its first statement is still waiting.
        expect(await tx.query(SEQUENCE, [tenant, aggregate])).toEqual([]);
        await holder.query('SELECT pg_advisory_unlock($1)', [lock]);
        await run;
        expect(await tx.query(SEQUENCE, [tenant, aggregate])).toEqual([{ n: 1 }]);
      } finally {
        await holder.query('SELECT pg_advisory_unlock_all()');
        await holder.release();
      }
    },
  );
});
