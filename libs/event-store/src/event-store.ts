import type { DataSource } from 'typeorm';
import { ConcurrencyError } from './concurrency.error';
import type {
  AppendOptions,
  AppendResult,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from './event.types';
import { APPEND_SQL, type AppendedRow } from './internal/append.sql';
import { EVENT_COLUMNS, toStoredEvent, type StoredEventRow } from './internal/stored-event.row';
import { readLogAfter } from './internal/log-reader';
import { uuidV7 } from './internal/uuid-v7';
import { inTransaction, queryOnce, queryPrepared, queryPreparedOnce } from './internal/sql';
import type { LogBatch, LogCheckpoint } from './log-checkpoint.type';
import type { InlineProjection } from './projection.type';
import { UpcasterChain } from './upcaster-chain';
import type { Upcaster } from './upcaster.type';

const READ_STREAM_SQL = `SELECT ${EVENT_COLUMNS} FROM event_store.events
  WHERE stream_id = $1 AND stream_version >= $2 AND ($3::timestamptz IS NULL OR date_trunc('milliseconds', recorded_at) <= $3::timestamptz)
  ORDER BY stream_version`;

export interface EventStoreOptions {
  inlineProjections?: InlineProjection[];
  upcasters?: Upcaster[];
}

interface IdempotencyResult {
  eventIds: string[];
}

/** Internal signal: the statement wrote nothing, so the transaction must roll back. */
class NothingAppended extends Error {}

export class EventStore {
  private readonly inlineProjections: readonly InlineProjection[];
  readonly upcasters: UpcasterChain;

  constructor(
    readonly dataSource: DataSource,
    options: EventStoreOptions = {},
  ) {
    this.inlineProjections = options.inlineProjections ?? [];
    this.upcasters = new UpcasterChain(options.upcasters);
  }

  /**
   * Appends atomically with the inline projections. Without an idempotency key or inline
   * projections it is one autocommit statement; otherwise BEGIN, that statement, the
   * projections, COMMIT on one connection.
   */
  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new TypeError('append needs at least one event');
    const expected = options.expectedVersion;
    if (expected !== 'any' && (!Number.isInteger(expected) || expected < 0)) {
      throw new TypeError(`expectedVersion must be a non-negative integer or 'any', got ${String(expected)}`);
    }

    const documents = events.map((event) => ({
      eventId: event.eventId ?? uuidV7(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: event.metadata,
    }));
    const json = JSON.stringify(documents);
    const key = options.idempotencyKey ?? null;
    const result: IdempotencyResult = { eventIds: documents.map((d) => d.eventId) };
    const params: unknown[] = [streamId, events.length, json];
    if (key !== null) params.push(key, JSON.stringify(result));
    const variant = expected === 'any' ? APPEND_SQL.any : expected === 0 ? APPEND_SQL.new : APPEND_SQL.exact;
    const sql = key === null ? variant.plain : variant.keyed;
    if (typeof expected === 'number' && expected > 0) params.push(expected);

    // Read back what JSON kept (dropped undefineds, Dates as strings): callers see what readers will.
    const stored = JSON.parse(json) as typeof documents;
    const toEvents = (rows: AppendedRow[]): StoredEvent[] =>
      rows.map((row, i) => ({
        eventId: stored[i].eventId,
        streamId,
        type: stored[i].type,
        schemaVersion: stored[i].schemaVersion,
        data: stored[i].data,
        metadata: stored[i].metadata,
        streamVersion: row.stream_version,
        globalPosition: row.global_position,
        recordedAt: new Date(row.recorded_at_ms),
      }));

    if (key === null && this.inlineProjections.length === 0 && !options.beforeCommit) {
      const rows = await queryPreparedOnce<AppendedRow>(this.dataSource, sql.name, sql.text, params);
      if (rows.length === 0) throw await this.conflict(streamId, expected);
      return this.appended(streamId, toEvents(rows));
    }

    try {
      const appended = await inTransaction(this.dataSource, async (runner) => {
        const rows = await queryPrepared<AppendedRow>(runner, sql.name, sql.text, params);
        if (rows.length === 0) throw new NothingAppended(); // diagnosed after the rollback
        const storedEvents = this.upcasters.upcastAll(toEvents(rows));
        // Only an exact-version append proves the caller's snapshot is the state the events follow.
        const snapshot = typeof expected === 'number' && options.snapshot?.version === expected ? options.snapshot : undefined;
        for (const projection of this.inlineProjections) {
          await projection.apply(storedEvents, runner.manager, { snapshot });
        }
        await options.beforeCommit?.(runner.manager);
        return storedEvents;
      });
      return { streamId, streamVersion: appended[appended.length - 1].streamVersion, events: appended, replayed: false };
    } catch (error) {
      if (!(error instanceof NothingAppended)) throw error;
      // Nothing was written: either the key was used (by us earlier, or by a racing retry that
      // committed first) or the version moved. The key wins: a retry must answer as the first time.
      const replay = key === null ? undefined : await this.replay(streamId, key);
      if (replay) return replay;
      throw await this.conflict(streamId, expected);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const params = [streamId, options.fromVersion ?? 1, options.asOf ?? null];
    const rows: StoredEventRow[] = options.within
      ? await options.within.query(READ_STREAM_SQL, params)
      : await queryPreparedOnce<StoredEventRow>(this.dataSource, 'es_read_stream', READ_STREAM_SQL, params);
    return rows.map((row) => this.upcasters.upcast(toStoredEvent(row)));
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.currentVersion(streamId);
  }

  /**
   * Events after a global position, in position order, limited to transactions older than every
   * transaction still running, so an in-flight append never leaves a hole behind the batch.
   * Position order cannot be perfectly gap-safe (a transaction can take a lower position yet get a
   * higher xid); checkpointed tailers use `LogReader`/`ConsumerRunner`, which order by xid.
   */
  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const rows = await queryOnce<StoredEventRow>(
      this.dataSource,
      `SELECT ${EVENT_COLUMNS} FROM event_store.events e
       WHERE e.global_position > $1::bigint AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY e.global_position LIMIT $2`,
      [options.after, options.limit],
    );
    return rows.map((row) => this.upcasters.upcast(toStoredEvent(row)));
  }

  /** Gap-safe tailing read: see `LogCheckpoint`. Feed `batch.checkpoint` into the next call. */
  async readLog(after: LogCheckpoint, limit: number): Promise<LogBatch> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await readLogAfter(runner, this.upcasters, after, limit);
    } finally {
      await runner.release();
    }
  }

  private appended(streamId: string, events: StoredEvent[]): AppendResult {
    const upcast = this.upcasters.upcastAll(events);
    return { streamId, streamVersion: upcast[upcast.length - 1].streamVersion, events: upcast, replayed: false };
  }

  /**
   * The result of an earlier append with this idempotency key, if any. Command handlers
   * check it before deciding: a retry must answer as the first time even though the
   * state has moved on since (a second close-case would otherwise be refused).
   */
  async findIdempotentAppend(streamId: string, key: string): Promise<AppendResult | undefined> {
    return this.replay(streamId, key);
  }

  private async replay(streamId: string, key: string): Promise<AppendResult | undefined> {
    const [found] = await queryOnce<{ result: IdempotencyResult }>(
      this.dataSource,
      `SELECT result FROM event_store.idempotency_keys WHERE stream_id = $1 AND key = $2`,
      [streamId, key],
    );
    if (!found) return undefined;
    const rows = await queryOnce<StoredEventRow>(
      this.dataSource,
      `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE event_id = ANY($1::uuid[]) ORDER BY stream_version`,
      [found.result.eventIds],
    );
    const events = rows.map((row) => this.upcasters.upcast(toStoredEvent(row)));
    return { streamId, streamVersion: events[events.length - 1].streamVersion, events, replayed: true };
  }

  private async conflict(streamId: string, expected: AppendOptions['expectedVersion']): Promise<ConcurrencyError> {
    return new ConcurrencyError(streamId, expected, await this.currentVersion(streamId));
  }

  private async currentVersion(streamId: string): Promise<number> {
    const rows = await queryPreparedOnce<{ version: number }>(
      this.dataSource,
      'es_stream_version',
      `SELECT version FROM event_store.streams WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0]?.version ?? 0;
  }
}
