import type { EventMetadata, StoredEvent } from '../event.types';

/** Epoch milliseconds: building a Date from a number is far cheaper than parsing timestamp text. */
export const RECORDED_AT_MS = `(extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_at_ms`;

/**
 * Column list shared by every read so rows always map the same way. Positions leave as text, so
 * ORDER BY must name the table's column (`e.global_position`), not this text alias.
 */
export const EVENT_COLUMNS = `global_position::text AS global_position, stream_id, stream_version,
  event_id::text AS event_id, type, schema_version, data, metadata, ${RECORDED_AT_MS}`;

export interface StoredEventRow {
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at_ms: number;
}

export function toStoredEvent(row: StoredEventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    streamVersion: row.stream_version,
    globalPosition: row.global_position,
    recordedAt: new Date(row.recorded_at_ms),
  };
}
