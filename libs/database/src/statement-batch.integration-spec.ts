import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runStatements, twoTripTransaction } from './statement-batch.util';

/** Several statements in one round trip, on the real PostgreSQL of the test run. */
describe('runStatements', () => {
  // One connection, so that a test can see what a helper left on it.
  const db = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL!, extra: { max: 1 } });
  const table = `batch_test_${process.pid}`;

  beforeAll(async () => {
    await db.initialize();
    await db.query(
      `CREATE TABLE ${table} (id int PRIMARY KEY, label text, doc jsonb, at timestamptz, ok boolean)`,
    );
  });

  afterAll(async () => {
    await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.destroy();
  });

  const insert = (
    id: number,
    label: unknown,
    doc: unknown = null,
    at: unknown = null,
    ok: unknown = null,
  ) => ({
    sql: `INSERT INTO ${table} (id, label, doc, at, ok) VALUES ($1, $2, $3, $4, $5)`,
    params: [id, label, doc, at, ok],
  });

  it('writes every value as a parameter would have', async () => {
    const label = `O'Brien \\ 投诉 $1 ; DROP TABLE ${table}; --`;
    const doc = { zh: '“引号”', path: 'C:\\x', n: 1.5 };
    const at = new Date('2026-11-27T05:00:00.123Z');
    await runStatements(db, [insert(1, label, doc, at, true), insert(2, null)]);
    const rows = (await db.query(`SELECT * FROM ${table} ORDER BY id`)) as Record<string, unknown>[];
    expect(rows).toEqual([
      { id: 1, label, doc, at, ok: true },
      { id: 2, label: null, doc: null, at: null, ok: null },
    ]);
  });

  it('is all or nothing: a failing statement takes the earlier ones back with it', async () => {
    await expect(runStatements(db, [insert(10, 'first'), insert(1, 'duplicate key')])).rejects.toThrow(
      /duplicate key/,
    );
    expect(await db.query(`SELECT id FROM ${table} WHERE id = 10`)).toEqual([]);
  });

  it('is part of the caller’s transaction when given its manager', async () => {
    await expect(
      db.transaction(async (manager) => {
        await runStatements(manager, [insert(20, 'inside')]);
        throw new Error('the caller rolls back');
      }),
    ).rejects.toThrow('the caller rolls back');
    expect(await db.query(`SELECT id FROM ${table} WHERE id = 20`)).toEqual([]);
  });

  describe('twoTripTransaction', () => {
    const count = async (id: number) =>
      ((await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [id])) as { n: number }[])[0]!
        .n;

    it('hands the last opening statement’s rows to the closing step and commits both steps', async () => {
      const result = await twoTripTransaction<{ label: string }, string>(
        db,
        [insert(30, 'opened'), { sql: `SELECT label FROM ${table} WHERE id = $1`, params: [30] }],
        async (rows) => ({ statements: [insert(31, `${rows[0]!.label} and closed`)], result: 'done' }),
      );
      expect(result).toBe('done');
      expect(await db.query(`SELECT id, label FROM ${table} WHERE id IN (30, 31) ORDER BY id`)).toEqual([
        { id: 30, label: 'opened' },
        { id: 31, label: 'opened and closed' },
      ]);
    });

    it('rolls the opening statements back when the closing step fails, or its statements do', async () => {
      await expect(
        twoTripTransaction(db, [insert(40, 'opened')], async () => {
          throw new Error('Kafka did not acknowledge');
        }),
      ).rejects.toThrow('Kafka did not acknowledge');
      await expect(
        twoTripTransaction(db, [insert(41, 'opened')], async () => ({
          statements: [insert(42, 'fine'), insert(41, 'duplicate key')],
          result: null,
        })),
      ).rejects.toThrow(/duplicate key/);
      await expect(
        twoTripTransaction(db, [insert(1, 'duplicate key')], async () => ({ statements: [], result: null })),
      ).rejects.toThrow(/duplicate key/);
      for (const id of [40, 41, 42]) expect(await count(id)).toBe(0);
      // The pool's connections are left usable, outside any transaction.
      await runStatements(db, [insert(43, 'afterwards')]);
      expect(await count(43)).toBe(1);
      expect(await db.query('SELECT now() = statement_timestamp() AS outside')).toEqual([{ outside: true }]);
    });

    it('fails, without crashing the process, when its connection dies between the round trips', async () => {
      const admin = new Client({ connectionString: process.env.DATABASE_URL! });
      await admin.connect();
      try {
        const attempt = twoTripTransaction<{ pid: number }, null>(
          db,
          [insert(50, 'opened'), { sql: 'SELECT pg_backend_pid() AS pid', params: [] }],
          async ([row]) => {
            await admin.query('SELECT pg_terminate_backend($1)', [row!.pid]);
            await new Promise((resolve) => setTimeout(resolve, 300)); // the 'error' event arrives meanwhile
            return { statements: [insert(51, 'closed')], result: null };
          },
        );
        await expect(attempt).rejects.toThrow();
      } finally {
        await admin.end();
      }
      // The dead connection was discarded: the pool's next one works, and nothing of the attempt stayed.
      expect(await count(50)).toBe(0);
      expect(await count(51)).toBe(0);
    });
  });
});
