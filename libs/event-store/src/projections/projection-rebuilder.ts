import type { QueryRunner } from 'typeorm';
import type { EventStore } from '../event-store';
import { readLogAfter } from '../internal/log-reader';
import { inTransaction, pgErrorCode, queryOnce, queryRows } from '../internal/sql';
import { LOG_START, type LogBatch, type LogCheckpoint } from '../log-checkpoint.type';
import type { Projection } from '../projection.type';
import { projectionConsumerName } from './projection-consumer';

export interface RebuildProgress {
  projection: string;
  done: number;
  /** Events in the log when the rebuild started; grows if live appends outpace it. */
  total: number;
  phase: 'replaying' | 'swapping' | 'done';
}

export interface RebuildOptions {
  /** Events per apply transaction (default: the projection's batchSize, else 2,000). */
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** How long the swap may queue for its exclusive table locks before retrying (default 5 s). */
  lockTimeoutMs?: number;
  swapAttempts?: number;
}

export interface RebuildReport {
  projection: string;
  events: number;
  durationMs: number;
  /** The log position the swapped-in tables reflect (async projections resume from it). */
  checkpoint: LogCheckpoint;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/i;
const LOCK_NOT_AVAILABLE = '55P03';

function quote(identifier: string): string {
  // Identifiers cannot be bound as parameters; only plain names ever reach the SQL text.
  if (!IDENTIFIER.test(identifier)) throw new Error(`Refusing unusual SQL identifier ${JSON.stringify(identifier)}`);
  return `"${identifier}"`;
}

export function shadowSchemaName(projectionName: string): string {
  return `rebuild_${projectionName.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}

/**
 * Rebuilds a projection from the log alone into shadow copies of its tables (same names, in a
 * schema of their own, reached through `search_path`), then swaps them in with one short
 * transaction, so readers see the old model or the new one, never a half-built one. Live writers
 * keep running meanwhile; the swap catches up on what they appended.
 */
export async function rebuildProjection(
  store: EventStore,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const started = Date.now();
  const dataSource = store.dataSource;
  const schema = projection.tableSchema ?? 'public';
  const shadow = shadowSchemaName(projection.name);
  const tables = projection.tables.map((table) => ({ live: `${quote(schema)}.${quote(table)}`, shadow: `${quote(shadow)}.${quote(table)}`, name: quote(table) }));
  if (tables.length === 0) throw new Error(`Projection ${projection.name} declares no tables`);
  const batchSize = options.batchSize ?? projection.batchSize ?? 2_000;
  const searchPath = `${quote(shadow)}, ${quote(schema)}`;

  // The projection names its tables unqualified; this points them at the shadow copies.
  const useShadow = (runner: QueryRunner) =>
    runner.query(`SELECT set_config('search_path', $1 || ', ' || current_setting('search_path'), true)`, [searchPath]);

  await inTransaction(dataSource, async (runner) => {
    await runner.query(`DROP SCHEMA IF EXISTS ${quote(shadow)} CASCADE`); // leftovers of an interrupted rebuild
    await runner.query(`CREATE SCHEMA ${quote(shadow)}`);
    for (const table of tables) await runner.query(`CREATE TABLE ${table.shadow} (LIKE ${table.live} INCLUDING ALL)`);
    if (projection.reset) {
      await useShadow(runner);
      await projection.reset(runner.manager);
    }
  });

  const [{ total: initialTotal }] = await queryOnce<{ total: number }>(
    dataSource,
    `SELECT count(*)::int AS total FROM event_store.events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
  );
  let done = 0;
  const report = (phase: RebuildProgress['phase']) =>
    options.onProgress?.({ projection: projection.name, done, total: Math.max(initialTotal, done), phase });
  report('replaying');

  const read = async (after: LogCheckpoint): Promise<LogBatch> => {
    const runner = dataSource.createQueryRunner();
    try {
      return await readLogAfter(runner, store.upcasters, after, batchSize);
    } finally {
      await runner.release();
    }
  };

  let checkpoint = LOG_START;
  const replay = async () => {
    // Read the next batch while the current one is applied: reads are plain autocommit statements,
    // so overlapping them with the apply transaction is safe even where only one transaction may be open.
    let next = read(checkpoint);
    for (;;) {
      const batch = await next;
      if (batch.events.length === 0) return;
      next = read(batch.checkpoint);
      await inTransaction(dataSource, async (runner) => {
        await useShadow(runner);
        await projection.apply(batch.events, runner.manager);
      });
      checkpoint = batch.checkpoint;
      done += batch.events.length;
      report('replaying');
    }
  };
  await replay();

  const attempts = options.swapAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      report('swapping');
      checkpoint = await swap();
      break;
    } catch (error) {
      if (pgErrorCode(error) !== LOCK_NOT_AVAILABLE || attempt >= attempts) throw error;
      await replay(); // catch up on what was appended while waiting, then queue for the locks again
    }
  }
  report('done');
  return { projection: projection.name, events: done, durationMs: Date.now() - started, checkpoint };

  async function swap(): Promise<LogCheckpoint> {
    return inTransaction(dataSource, async (runner) => {
      // A queued ACCESS EXCLUSIVE request blocks every reader behind it: give up early and retry.
      await runner.query(`SELECT set_config('lock_timeout', $1, true)`, [`${options.lockTimeoutMs ?? 5_000}ms`]);
      // Waits for writers already inside the live tables (inline appends, the async consumer's
      // batch), then holds off new ones until the swap commits.
      await runner.query(`LOCK TABLE ${tables.map((t) => t.live).join(', ')} IN ACCESS EXCLUSIVE MODE`);
      await useShadow(runner);
      // Inline projections: every append that could still commit is now blocked on our lock, so
      // all committed events belong in the model. Async: the live checkpoint moves to ours.
      const horizon = projection.mode === 'inline' ? 'visible' : 'settled';
      let at = checkpoint;
      for (;;) {
        const batch = await readLogAfter(runner, store.upcasters, at, batchSize, horizon);
        if (batch.events.length === 0) break;
        await projection.apply(batch.events, runner.manager);
        at = batch.checkpoint;
        done += batch.events.length;
      }
      for (const table of tables) {
        await runner.query(`DROP TABLE ${table.live}`);
        await runner.query(`ALTER TABLE ${table.shadow} SET SCHEMA ${quote(schema)}`);
      }
      await runner.query(`DROP SCHEMA ${quote(shadow)}`);
      if (projection.mode === 'async') {
        // A running consumer's compare-and-set fails once and it resumes from here.
        await queryRows(
          runner,
          `INSERT INTO event_store.checkpoints (name, transaction_id, global_position) VALUES ($1, $2::xid8, $3::bigint)
           ON CONFLICT (name) DO UPDATE
             SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`,
          [projectionConsumerName(projection), at.transactionId, at.globalPosition],
        );
      }
      return at;
    });
  }
}
