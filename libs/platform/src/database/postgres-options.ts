import type { DataSourceOptions } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
type MigrationClass = Function;

/**
 * TypeORM options shared by every process. The schema only ever changes through
 * migrations: `synchronize` would let an entity edit silently alter the event log.
 */
export function postgresOptions(url: string, migrations: MigrationClass[], poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTransactionMode: 'each',
    logging: false,
    extra: { max: poolSize, application_name: 'secondlook' },
  };
}
