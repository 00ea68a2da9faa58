import { DataSource, DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

/** PostgreSQL schema of a service: one schema per service, `justice-bureau` → `justice_bureau`. */
export const schemaOf = (service: string): string => service.replace(/-/g, '_');

export interface ServiceDataSourceInput {
  url: string;
  service: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/**
 * Data source options for one service. Never `synchronize`: the schema changes only through
 * migrations, run by the `migrate` target before the service starts.
 */
export function serviceDataSourceOptions(input: ServiceDataSourceInput): DataSourceOptions {
  const schema = schemaOf(input.service);
  return {
    type: 'postgres',
    url: input.url,
    schema,
    entities: input.entities,
    migrations: input.migrations,
    migrationsTableName: 'migration',
    migrationsRun: false,
    synchronize: false,
    applicationName: input.service,
    extra: { max: input.poolSize ?? 10 },
  };
}

/**
 * Creates the service's schema if needed and applies pending migrations. Returns their names.
 * Concurrent runs for the same schema (two migration Jobs, a Job retried while the first still runs,
 * `npm run migrate` beside a rollout) wait for each other on an advisory lock instead of racing to
 * apply the same migration twice.
 */
export async function migrate(options: DataSourceOptions): Promise<string[]> {
  const ds = new DataSource(options);
  await ds.initialize();
  const schema = (options as { schema?: string }).schema;
  const lock = ds.createQueryRunner();
  const key = [`oversight:migrate:${schema ?? ''}`];
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', key);
    if (schema) await ds.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', key).catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}
