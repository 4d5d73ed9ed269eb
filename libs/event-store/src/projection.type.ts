import type { EntityManager } from 'typeorm';
import type { StoredEvent, StreamSnapshot } from './event.types';

/** What the append knows beyond the events; absent in async runs and rebuilds. */
export interface InlineApplyContext {
  /** The appended stream's state just before these events (see AppendOptions.snapshot). */
  snapshot?: StreamSnapshot;
}

/** Runs inside the append's transaction, so a failure rolls the events back too. */
export interface InlineProjection {
  readonly name: string;
  apply(events: StoredEvent[], tx: EntityManager, context?: InlineApplyContext): Promise<void>;
}

/**
 * A read model built from the log alone. The same definition runs live (inline in the append
 * transaction, or async behind a checkpointed consumer) and in rebuilds, where its tables are
 * shadowed: `apply` and `reset` must therefore name their tables unqualified, so the rebuild can
 * point `search_path` at the shadow copies.
 */
export interface Projection extends InlineProjection {
  readonly mode: 'inline' | 'async';
  /** Unqualified names of the tables it owns, in `tableSchema` (default `public`). */
  readonly tables: readonly string[];
  readonly tableSchema?: string;
  /** Events per apply call for async runs and rebuilds (default 500). */
  readonly batchSize?: number;
  /** Brings its (possibly shadow) tables to the empty state; default: they start empty. */
  reset?(tx: EntityManager): Promise<void>;
}
