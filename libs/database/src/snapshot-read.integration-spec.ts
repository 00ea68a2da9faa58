import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { readSnapshot } from './snapshot-read.util';

/** Reads of a view as of one instant, on the real PostgreSQL of the test run. */
describe('readSnapshot', () => {
  const db = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL!, extra: { max: 2 } });
  const parent = `snapshot_parent_${process.pid}`;
  const child = `snapshot_child_${process.pid}`;
  const writer = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.initialize();
    await writer.connect();
    await db.query(`CREATE TABLE ${parent} (id int PRIMARY KEY, overdue boolean NOT NULL)`);
    await db.query(`CREATE TABLE ${child} (id int PRIMARY KEY, parent_id int NOT NULL)`);
    await db.query(`INSERT INTO ${parent} VALUES (1, false)`);
  });

  afterAll(async () => {
    await db.query(`DROP TABLE IF EXISTS ${child}, ${parent}`);
    await writer.end();
    await db.destroy();
  });

  // What raced in a test of the complaint view: a worker flags the row and inserts its notice in one
  // transaction, committed between the view's read of the row and its read of the notices.
  const flagAndNotice = async (id: number) => {
    await writer.query('BEGIN');
    await writer.query(`UPDATE ${parent} SET overdue = true WHERE id = 1`);
    await writer.query(`INSERT INTO ${child} VALUES ($1, 1)`, [id]);
    await writer.query('COMMIT');
  };
  let noticeId = 0;
  const readView = async (m: { query(sql: string): Promise<unknown> }) => {
    const [row] = (await m.query(`SELECT overdue FROM ${parent} WHERE id = 1`)) as { overdue: boolean }[];
    await flagAndNotice(++noticeId);
    const notices = (await m.query(`SELECT id FROM ${child} WHERE parent_id = 1`)) as unknown[];
    return { overdue: row!.overdue, notices: notices.length };
  };

  it('does not see a change committed between its reads', async () => {
    await db.query(`DELETE FROM ${child}`);
    await db.query(`UPDATE ${parent} SET overdue = false`);
    expect(await readSnapshot(db, readView)).toEqual({ overdue: false, notices: 0 });
  });

  it('shows half the change when the same reads are not in one snapshot (the race it prevents)', async () => {
    await db.query(`DELETE FROM ${child}`);
    await db.query(`UPDATE ${parent} SET overdue = false`);
    expect(await readView(db)).toEqual({ overdue: false, notices: 1 });
  });
});
