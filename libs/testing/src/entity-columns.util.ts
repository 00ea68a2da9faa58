import { DataSource } from 'typeorm';

/**
 * The table and the sorted column names each entity maps, as TypeORM builds them (inherited columns
 * included), without a database: for specs that pin entities to the tables their migrations created.
 */
export async function mappedTables(
  entities: (new () => object)[],
): Promise<(entity: new () => object) => string[]> {
  const ds = new DataSource({ type: 'postgres', entities });
  await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return (entity) => {
    const m = ds.getMetadata(entity);
    return [m.tableName, ...m.columns.map((c) => c.databaseName).sort()];
  };
}
