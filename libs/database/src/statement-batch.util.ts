import { escapeLiteral, Pool, QueryResult } from 'pg';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** One SQL statement with `$n` parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** A parameter value as a PostgreSQL literal, for the statement's column to cast as it would a parameter. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (value instanceof Date) return escapeLiteral(value.toISOString());
  // Files stay parameters of their own statement: as text literals they would double in size.
  if (Buffer.isBuffer(value)) throw new TypeError('binary values are not inlined; insert them on their own');
  if (typeof value === 'string') return escapeLiteral(value);
  return escapeLiteral(JSON.stringify(value));
}

/** The statement with its parameters written in as literals. */
export function inlined({ sql, params }: Statement): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i >= params.length) throw new RangeError(`statement has no parameter $${n}`);
    return sqlLiteral(params[i]);
  });
}

/** An entity's table as SQL names it, schema included: `"justice_bureau"."outbox_message"`. */
export function quotedTable(
  manager: EntityManager | DataSource,
  entity: EntityTarget<ObjectLiteral>,
): string {
  const connection = manager instanceof DataSource ? manager : manager.connection;
  return connection
    .getMetadata(entity)
    .tablePath.split('.')
    .map((part) => `"${part}"`)
    .join('.');
}

/** An INSERT of one entity row as TypeORM would write it (columns, transformers), not run yet. */
export function insertStatement<T extends ObjectLiteral>(
  manager: EntityManager | DataSource,
  entity: EntityTarget<T>,
  values: Partial<T>,
  options: { orIgnore?: boolean } = {},
): Statement {
  let builder = manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(values as never)
    .updateEntity(false);
  if (options.orIgnore) builder = builder.orIgnore();
  const [sql, params] = builder.getQueryAndParameters();
  return { sql, params };
}

/** An UPDATE as TypeORM would write it (including its update-date column), not run yet. */
export function updateStatement<T extends ObjectLiteral>(
  manager: EntityManager | DataSource,
  entity: EntityTarget<T>,
  where: Partial<T>,
  values: Partial<T>,
): Statement {
  const [sql, params] = manager
    .createQueryBuilder()
    .update(entity)
    .set(values as never)
    .where(where as never)
    .updateEntity(false)
    .getQueryAndParameters();
  return { sql, params };
}

/**
 * Runs statements in one round trip to PostgreSQL instead of one each (plus BEGIN and COMMIT): they go as
 * one simple-protocol query, which PostgreSQL runs as a single transaction, all or nothing. Within a
 * caller's transaction they are part of it. Parameters are written in as escaped literals (pg's own
 * escaping), so this is for statements built by code, as any parameterised statement.
 */
export async function runStatements(
  manager: EntityManager | DataSource,
  statements: Statement[],
): Promise<void> {
  if (statements.length === 0) return;
  await manager.query(statements.map(inlined).join(';\n'));
}

/**
 * A transaction in two round trips instead of one per statement plus BEGIN and COMMIT: BEGIN goes with
 * the `opening` statements (each its own snapshot, as in any READ COMMITTED transaction, so a read after
 * a lock sees what the lock's previous holder committed), and the `closing` statements, computed from the
 * last opening statement's rows, go with COMMIT. On any error the transaction is rolled back (a
 * connection that cannot even do that is discarded). Parameters are written in as literals, as in
 * runStatements.
 */
export async function twoTripTransaction<R, T>(
  dataSource: DataSource,
  opening: Statement[],
  closing: (rows: R[]) => Promise<{ statements: Statement[]; result: T }>,
): Promise<T> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const client = await pool.connect();
  // A checked-out client whose connection dies between queries emits 'error'; unheard, it would crash
  // the process (the pool listens only to idle clients). Such a client is discarded on release.
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    const results = (await client.query(['BEGIN', ...opening.map(inlined)].join(';\n'))) as unknown as
      | QueryResult[]
      | QueryResult;
    const last = Array.isArray(results) ? results[results.length - 1]! : results;
    const { statements, result } = await closing(last.rows as R[]);
    await client.query([...statements.map(inlined), 'COMMIT'].join(';\n'));
    return result;
  } catch (error) {
    if (!broken) await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
