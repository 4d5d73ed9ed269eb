export { ConcurrencyError } from './concurrency.error';
export type {
  AppendOptions,
  AppendResult,
  EventMetadata,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from './event.types';
export { EventStore, type EventStoreOptions } from './event-store';
export { eventStoreMigrations } from './migrations/event-store.migrations';
export type { InlineProjection, Projection } from './projection.type';
export { UpcasterChain } from './upcaster-chain';
export type { Upcaster } from './upcaster.type';
export { createTestDatabase, type TestDatabase } from './testing/test-database';
export { createMigratedDataSource, type MigratedDataSourceOptions } from './testing/migrated-data-source';
export type { Consumer } from './consumers/consumer.type';
export { ConsumerRunner, type ConsumerRunnerOptions } from './consumers/consumer-runner';
