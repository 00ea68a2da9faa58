import { DataSource, EntityManager } from 'typeorm';

export type ExclusiveRun<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `work` in a transaction that holds the PostgreSQL advisory lock named `name`, or skips it when
 * another process (another replica) holds that lock: the way a periodic job runs on one replica at a
 * time. Transaction-scoped, so the lock goes with the transaction even if the process dies, and it
 * works through a transaction-pooling connection pooler.
 */
export async function runExclusively<T>(
  dataSource: DataSource,
  name: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<ExclusiveRun<T>> {
  return dataSource.transaction(async (manager) => {
    const [{ locked }] = (await manager.query(
      'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
      [name],
    )) as { locked: boolean }[];
    if (!locked) return { ran: false };
    return { ran: true, result: await work(manager) };
  });
}
