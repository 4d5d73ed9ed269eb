import type { CaseState } from '@secondlook/domain';
import type { EventStore, StreamSnapshot } from '@secondlook/event-store';
import { caseStreamId, foldStoredCase } from './case-stream';
import type { DataSource } from 'typeorm';

export interface CaseSnapshot extends StreamSnapshot {
  state: CaseState;
}

/**
 * A case's folded state and version from its `case_summaries` row: one row instead of
 * replaying the stream before every command. The row is written in the same transaction
 * as the events it folds, so its version names exactly the state it holds; a writer that
 * raced us is caught by the append's version check, as it would be after a stream read.
 * A change to how events fold needs a `case_summaries` rebuild (it would anyway, for the
 * worklist) before commands can trust the snapshot again.
 */
export async function readCaseSnapshot(dataSource: DataSource, caseId: string): Promise<CaseSnapshot | undefined> {
  const rows: Array<{ version: number; state: CaseState | null }> = await dataSource.query(
    `SELECT version, state FROM case_summaries WHERE case_id = $1`,
    [caseId],
  );
  const row = rows[0];
  return row?.state ? { version: row.version, state: row.state } : undefined;
}

export interface CurrentCase {
  /** Undefined when the case does not exist. */
  state: CaseState | undefined;
  /** The stream version the state folds up to (0 when there is no stream). */
  version: number;
}

/** The case as it stands: its snapshot when there is one, else its folded stream. */
export async function loadCurrentCase(store: EventStore, caseId: string): Promise<CurrentCase> {
  return (await readCaseSnapshot(store.dataSource, caseId)) ?? replayCase(store, caseId);
}

/** The case folded from its stream, ignoring any snapshot. */
export async function replayCase(store: EventStore, caseId: string): Promise<CurrentCase> {
  const history = await store.readStream(caseStreamId(caseId));
  return { state: foldStoredCase(history), version: history.length === 0 ? 0 : history[history.length - 1].streamVersion };
}
