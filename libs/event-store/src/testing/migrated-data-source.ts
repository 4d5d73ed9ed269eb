import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '../migrations/event-store.migrations';

export interface MigratedDataSourceOptions {
  poolSize?: number;
  applicationName?: string;
}

/** A DataSource with only the event store's schema: for this lib's tests, benchmarks and tools. */
export async function createMigratedDataSource(url: string, options: MigratedDataSourceOptions = {}): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: eventStoreMigrations,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
