import type { EntityManager } from 'typeorm';
/** Who did what, and why: carried by every event, never interpreted by the store. */
export interface EventMetadata {
  actorId: string;
  actorRole: string;
  correlationId: string;
  causationId?: string;
  requestId: string;
  /** ISO-8601 instant at which the fact happened (may precede recordedAt). */
  occurredAt: string;
}

export interface NewEvent<T extends string = string, D = unknown> {
  /** uuid; generated when absent. Supplying it makes a retried append detectable by id. */
  eventId?: string;
  type: T;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
}

export interface StoredEvent<T extends string = string, D = unknown> {
  eventId: string;
  streamId: string;
  type: T;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
  streamVersion: number;
  /** bigint as a decimal string: a JS number loses precision past 2^53. */
  globalPosition: string;
  recordedAt: Date;
}

/** An exact version (0 = the stream must not exist yet), or 'any' to skip the check. */
export type ExpectedVersion = number | 'any';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  /** Scoped to the stream: the same key on another stream is a different command. */
  idempotencyKey?: string;
  /**
   * Extra writes that must commit or roll back with the events, such as a new
   * patient's personal data that lives outside the log. Runs after the inline projections.
   */
  beforeCommit?: (tx: EntityManager) => Promise<void>;
  /**
   * The stream's folded state at `expectedVersion`, when the caller decided on it. Inline
   * projections that keep a per-stream state may start from it instead of reading their own copy
   * (one round trip fewer): the exact-version append is what proves it is still current.
   */
  snapshot?: StreamSnapshot;
}

export interface StreamSnapshot {
  version: number;
  state: unknown;
}

export interface AppendResult {
  streamId: string;
  streamVersion: number;
  events: StoredEvent[];
  /** True when the idempotency key had been used: nothing was appended, this is the first answer. */
  replayed: boolean;
}

export interface ReadStreamOptions {
  fromVersion?: number;
  /**
   * Read inside this transaction instead of on a pooled connection of its own. A consumer's
   * handler must: besides seeing its own writes, a second connection waiting on the first
   * deadlocks on the embedded database, where every connection shares one session.
   */
  within?: EntityManager;
  /** Only events recorded at or before this instant. */
  asOf?: Date;
}

export interface ReadAllOptions {
  /** A global position, '0' at the start. */
  after: string;
  limit: number;
}
