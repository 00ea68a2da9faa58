import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs several reads against one snapshot (a REPEATABLE READ transaction). A view built from a row and
 * its related rows read one after the other could otherwise show a change half-made: a notice without
 * the overdue flag written in the same transaction, say.
 */
export function readSnapshot<T>(
  dataSource: DataSource,
  read: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction('REPEATABLE READ', read);
}
