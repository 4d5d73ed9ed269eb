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
  StreamSnapshot,
} from './event.types';
export { EventStore, type EventStoreOptions } from './event-store';
export { eventStoreMigrations } from './migrations/event-store.migrations';
export type { InlineApplyContext, InlineProjection, Projection } from './projection.type';
export { UpcasterChain } from './upcaster-chain';
export type { Upcaster } from './upcaster.type';
export { createTestDatabase, type TestDatabase } from './testing/test-database';
export { createMigratedDataSource, type MigratedDataSourceOptions } from './testing/migrated-data-source';
export type { Consumer } from './consumers/consumer.type';
export { ConsumerRunner, type ConsumerRunnerOptions } from './consumers/consumer-runner';
export { LOG_START, type LogBatch, type LogCheckpoint } from './log-checkpoint.type';
export { projectionConsumer, projectionConsumerName } from './projections/projection-consumer';
export { ProjectionRegistry } from './projections/projection-registry';
export {
  rebuildProjection,
  shadowSchemaName,
  type RebuildOptions,
  type RebuildProgress,
  type RebuildReport,
} from './projections/projection-rebuilder';
export { runRebuild, type RunRebuildOptions } from './projections/run-rebuild';
