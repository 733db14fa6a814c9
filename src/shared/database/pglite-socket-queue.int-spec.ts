import { Pool } from 'pg';

/**
 * On the shared test database (PGlite through pglite-socket unless TEST_DATABASE_URL is set):
 * pooled connections mixing transactions and parameterized autocommit queries must each get
 * their own results (electric-sql/pglite#1046).
 */
describe('pglite-socket queue (integration)', () => {
  let pool: Pool;

  beforeAll(() => {
    pool = new Pool({ connectionString: process.env.CMS_TEST_DATABASE_URL, max: 8 });
  });
  afterAll(() => pool.end());

  it('keeps each connection’s Parse/Bind/Execute/Sync together', async () => {
    const failures: string[] = [];
    const autocommit = async (i: number) => {
      const { rows } = await pool.query<{ v: number; t: string }>(
        'SELECT $1::int AS v, $2::text AS t',
        [i, `text-${i}`],
      );
      if (rows[0]?.v !== i || rows[0]?.t !== `text-${i}`) failures.push(`row ${i}`);
    };
    const transaction = async (i: number) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ n: number }>('SELECT $1::int * 2 AS n', [i]);
        if (rows[0]?.n !== i * 2) failures.push(`tx ${i}`);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    };
    const work = Array.from({ length: 300 }, (_, i) =>
      Promise.all([autocommit(i), transaction(i)]).catch((error: Error) => {
        failures.push(error.message);
      }),
    );
    await Promise.all(work);
    expect(failures).toEqual([]);
  });

  it('keeps serving after a statement fails mid-sequence', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        i % 5 === 0
          ? pool.query('SELECT $1::int / 0 AS boom', [i])
          : pool.query<{ v: number }>('SELECT $1::int AS v', [i]),
      ),
    );
    results.forEach((result, i) => {
      if (i % 5 === 0) expect(result.status).toBe('rejected');
      else expect(result).toEqual({ status: 'fulfilled', value: expect.anything() });
    });
    const { rows } = await pool.query<{ ok: number }>('SELECT 1 AS ok');
    expect(rows).toEqual([{ ok: 1 }]);
  });
});
