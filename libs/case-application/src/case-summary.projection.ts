import { type CaseState, DEFAULT_TARGETS, evolve, phaseOf, riskFlags, targetDateOf } from '@secondlook/domain';
import type { InlineApplyContext, Projection, StoredEvent } from '@secondlook/event-store';
import type { EntityManager } from 'typeorm';
import { caseIdFromStream, isCaseStream, toRecordedCaseEvent } from './case-stream';

/**
 * case_summaries, kept in step with the log inside the append's transaction. The
 * worker appends to cases too (RecordsSent, PreAuthFollowUpDue...), so both
 * processes register this projection: whichever process appends, the worklist
 * row moves with the events.
 */
export class CaseSummaryProjection implements Projection {
  readonly name = 'case_summaries';
  readonly mode = 'inline';
  readonly tables = ['case_summaries'];

  async apply(events: StoredEvent[], tx: EntityManager, context?: InlineApplyContext): Promise<void> {
    const byStream = new Map<string, StoredEvent[]>();
    for (const event of events) {
      if (!isCaseStream(event.streamId)) continue;
      byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    }
    for (const [streamId, streamEvents] of byStream) {
      // The command decided on this very state and the append's version check proved it current;
      // the stream row's lock serialises writers of the case, so no row lock is needed either.
      const known = byStream.size === 1 && context?.snapshot?.version === streamEvents[0].streamVersion - 1 ? (context.snapshot.state as CaseState) : undefined;
      await this.applyToCase(caseIdFromStream(streamId), streamEvents, tx, known);
    }
  }

  private async applyToCase(caseId: string, events: StoredEvent[], tx: EntityManager, known: CaseState | undefined): Promise<void> {
    let state = known ?? (await readSummaryState(tx, caseId));
    for (const event of events) state = evolve(state, toRecordedCaseEvent(event));
    if (!state) return;
    const last = events[events.length - 1];
    await tx.query(
      `INSERT INTO case_summaries (case_id, patient_id, version, phase, urgency, specialty, reasons, risk_flags, target_date,
         assigned_advocate_id, assigned_coordinator_id, state, opened_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (case_id) DO UPDATE SET version = EXCLUDED.version, phase = EXCLUDED.phase, urgency = EXCLUDED.urgency,
         specialty = EXCLUDED.specialty, reasons = EXCLUDED.reasons, risk_flags = EXCLUDED.risk_flags,
         target_date = EXCLUDED.target_date, assigned_advocate_id = EXCLUDED.assigned_advocate_id,
         assigned_coordinator_id = EXCLUDED.assigned_coordinator_id, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [
        caseId,
        state.patientId,
        last.streamVersion,
        phaseOf(state),
        state.urgency,
        state.specialty,
        state.reasons,
        riskFlags(state, new Date(), DEFAULT_TARGETS),
        targetDateOf(state, DEFAULT_TARGETS),
        state.advocateId,
        state.coordinatorId,
        JSON.stringify(state),
        state.openedAt,
        last.metadata.occurredAt,
      ],
    );
  }
}

async function readSummaryState(tx: EntityManager, caseId: string): Promise<CaseState | undefined> {
  const rows: Array<{ state: CaseState }> = await tx.query(`SELECT state FROM case_summaries WHERE case_id = $1 FOR UPDATE`, [caseId]);
  return rows[0]?.state;
}

/**
 * Recomputes the time-based part of a case's summary: flags such as
 * urgent-not-scheduled become true by the clock passing, with no event to trigger
 * the projection. Returns the flags, or undefined when the case has no summary.
 */
export async function refreshCaseRiskFlags(tx: EntityManager, caseId: string, now: Date = new Date()): Promise<string[] | undefined> {
  const state = await readSummaryState(tx, caseId);
  if (!state) return undefined;
  const flags = riskFlags(state, now, DEFAULT_TARGETS);
  await tx.query(`UPDATE case_summaries SET risk_flags = $2 WHERE case_id = $1`, [caseId, flags]);
  return flags;
}
