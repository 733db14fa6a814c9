import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import type { Pool } from 'pg';
import { QueryFailedError } from 'typeorm';
import { createTestModule, TestModule } from '../../../test/support/test-module';
import { newTenant } from '../../../test/support/test-env';
import { TransactionManager } from './transaction-manager';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const SEQUENCE = `SELECT last_seq::int AS n FROM outbox_sequences WHERE client_id = $1 AND aggregate_id = $2`;
const BUMP = `UPDATE outbox_sequences SET last_seq = $2 WHERE client_id = $1`;

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

  describe('runThenRead', () => {
    const checkoutsDuring = async <T>(work: () => Promise<T>) => {
      const pool = (t.dataSource.driver as unknown as { master: Pool }).master;
      const connect = jest.spyOn(pool, 'connect');
      try {
        return { result: await work(), checkouts: connect.mock.calls.length };
      } finally {
        connect.mockRestore();
      }
    };

    it('answers the read of what the write wrote, on the same connection', async () => {
      const [tenant, aggregate] = [newTenant(), randomUUID()];
      const { result, checkouts } = await checkoutsDuring(() =>
        tx.runThenRead(
          async () => {
            await tx.write(insert, [tenant, aggregate, 7]);
            return aggregate;
          },
          (id) => tx.queryPrepared(SEQUENCE, [tenant, id]),
        ),
      );
      expect(result).toEqual([{ n: 7 }]);
      expect(checkouts).toBe(1);
    });

    it('inside an enclosing transaction runs in it, and leaves it going on', async () => {
      const [tenant, aggregate] = [newTenant(), randomUUID()];
      const after = await tx.run(async () => {
        const read = await tx.runThenRead(
          () => tx.write(insert, [tenant, aggregate, 5]),
          () => tx.queryPrepared(SEQUENCE, [tenant, aggregate]),
        );
        await tx.write(`UPDATE outbox_sequences SET last_seq = 6 WHERE client_id = $1`, [tenant]);
        return { read, stillInside: tx.inTransaction };
      });
      expect(after).toEqual({ read: [{ n: 5 }], stillInside: true });
      expect(await tx.query(SEQUENCE, [tenant, aggregate])).toEqual([{ n: 6 }]);
    });

    it('fails as a whole when the read fails: the write is not kept', async () => {
      const [tenant, aggregate] = [newTenant(), randomUUID()];
      const failure = await tx
        .runThenRead(
          () => tx.write(insert, [tenant, aggregate, 1]),
          () => tx.queryPrepared(failing('22012')),
        )
        .catch((error: unknown) => error);
      expect(codeOf(failure)).toBe('22012');
      expect(await tx.query(SEQUENCE, [tenant, aggregate])).toEqual([]);
    });

    it('also takes a read that waits before its statement, and one that queries again after', async () => {
      const [tenant, aggregate] = [newTenant(), randomUUID()];
      const read = async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return tx.queryPrepared(SEQUENCE, [tenant, aggregate]);
      };
      const again = async () => {
        const [first] = await tx.queryPrepared<{ n: number }>(SEQUENCE, [tenant, aggregate]);
        // Past the COMMIT on PostgreSQL: outside the ended transaction, on the pool.
        const [second] = await tx.query<{ n: number }>(SEQUENCE, [tenant, aggregate]);
        return [first.n, second.n, tx.inTransaction];
      };
      const write = (n: number) => () => tx.write(insert, [tenant, aggregate, n]);
      expect(await tx.runThenRead(write(1), read)).toEqual([{ n: 1 }]);
      await tx.query(`DELETE FROM outbox_sequences WHERE client_id = $1`, [tenant]);
      // On PostgreSQL its first statement went with the COMMIT, the second on the pool after it.
      expect(await tx.runThenRead(write(2), again)).toEqual([2, 2, engine === 'PGlite']);
    });
  });

  // On PGlite there is no socket: writes are awaited one by one.
  (engine === 'PostgreSQL' ? describe : describe.skip)(
    'on PostgreSQL, what leaves in one send',
    () => {
      /**
       * What the transaction's socket sends from the moment `start` is called, one text per send
       * (control bytes blanked): the transaction's socket is the first to send after `start`.
       */
      const sendsDuring = async (work: (start: () => void) => Promise<unknown>) => {
        const sends: { socket: Socket; text: string }[] = [];
        let recording = false;
        const record = (socket: Socket, chunks: Buffer[]) => {
          if (recording) sends.push({ socket, text: Buffer.concat(chunks).toString('latin1') });
        };
        const writev = Socket.prototype._writev!;
        const write = Socket.prototype._write;
        const spies = [
          jest.spyOn(Socket.prototype, '_writev').mockImplementation(function (
            this: Socket,
            chunks,
            callback,
          ) {
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
            record(this, [chunk as Buffer]);
            return write.call(this, chunk, encoding, callback);
          }),
        ];
        try {
          await work(() => (recording = true));
        } finally {
          spies.forEach((spy) => spy.mockRestore());
        }
        return sends
          .filter(({ socket }) => socket === sends[0]?.socket)
          .map(({ text }) => text.replace(/[^\x20-\x7e]+/g, ' '));
      };

      it('a transaction’s BEGIN with its first statement, its trailing writes with its COMMIT', async () => {
        const [tenant, aggregate] = [newTenant(), randomUUID()];
        const sends = await sendsDuring((start) => {
          start();
          return tx.run(async () => {
            await tx.query('SELECT 40 + 2 AS answer');
            await tx.write(insert, [tenant, aggregate, 1]);
            for (const n of [2, 3]) await tx.write(BUMP, [tenant, n]);
          });
        });
        const begin = sends.findIndex((text) => text.includes('BEGIN'));
        expect(sends[begin]).toMatch(/BEGIN.*SELECT 40 \+ 2 AS answer/);
        const writes = sends.slice(begin + 1);
        expect(writes).toHaveLength(1);
        expect(writes[0]).toContain('INSERT INTO outbox_sequences');
        expect(writes[0].match(/UPDATE outbox_sequences/g)).toHaveLength(2);
        expect(writes[0]).toContain('COMMIT');
        expect(await tx.query(SEQUENCE, [tenant, aggregate])).toEqual([{ n: 3 }]);
      });

      it('with runThenRead, the writes, the read and the COMMIT', async () => {
        const [tenant, aggregate] = [newTenant(), randomUUID()];
        let answer: unknown;
        const sends = await sendsDuring(async (start) => {
          answer = await tx.runThenRead(
            async () => {
              await tx.query('SELECT 1');
              start();
              await tx.write(insert, [tenant, aggregate, 4]);
              return aggregate;
            },
            // A text of its own: parsed on this connection now, so the send carries it.
            (id) => tx.queryPrepared(`${SEQUENCE} AND last_seq > 0`, [tenant, id]),
          );
        });
        expect(sends).toHaveLength(1);
        expect(sends[0]).toMatch(/INSERT INTO outbox_sequences.*last_seq > 0.*COMMIT/);
        expect(answer).toEqual([{ n: 4 }]);
      });
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
