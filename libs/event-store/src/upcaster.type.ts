import type { StoredEvent } from './event.types';

/**
 * Lifts one event type from `fromVersion` to `fromVersion + 1`. Rows are never migrated:
 * old shapes stay in the log and are lifted on every read.
 */
export interface Upcaster<D = unknown, R = unknown> {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: D, event: Readonly<StoredEvent>): R;
}
