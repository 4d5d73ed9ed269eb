import { type CaseState, evolve } from '@secondlook/domain';
import type { Projection, StoredEvent } from '@secondlook/event-store';
import type { EntityManager } from 'typeorm';
import { caseIdFromStream, isCaseStream, toRecordedCaseEvent } from '../case-stream';
import { nextReportCaseFacts, type ReportCaseFacts } from './report-case-facts';

export const REPORT_CASE_FACTS = 'report_case_facts';

interface StoredFactsRow {
  state: CaseState;
  facts: ReportCaseFacts;
}

/**
 * report_case_facts: one row per case for the reports, fed asynchronously from the log (a
 * report a few seconds behind costs nothing; a slower append would). The row keeps its own
 * folded case rather than reading case_summaries, so a rebuild replays history faithfully
 * instead of peeking at today's worklist. Table names are unqualified for the rebuild's shadow.
 */
export const reportCaseFactsProjection: Projection = {
  name: REPORT_CASE_FACTS,
  mode: 'async',
  tables: [REPORT_CASE_FACTS],
  batchSize: 500,

  async apply(events: StoredEvent[], tx: EntityManager): Promise<void> {
    const byStream = new Map<string, StoredEvent[]>();
    for (const event of events) {
      if (!isCaseStream(event.streamId)) continue;
      const list = byStream.get(event.streamId);
      if (list) list.push(event);
      else byStream.set(event.streamId, [event]);
    }
    for (const [streamId, streamEvents] of byStream) await applyToCase(caseIdFromStream(streamId), streamEvents, tx);
  },

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM report_case_facts`);
  },
};

async function applyToCase(caseId: string, events: StoredEvent[], tx: EntityManager): Promise<void> {
  const rows: StoredFactsRow[] = await tx.query(`SELECT state, facts FROM report_case_facts WHERE case_id = $1 FOR UPDATE`, [caseId]);
  let state: CaseState | undefined = rows[0]?.state;
  let facts: ReportCaseFacts | undefined = rows[0]?.facts;
  for (const stored of events) {
    const event = toRecordedCaseEvent(stored);
    state = evolve(state, event);
    facts = nextReportCaseFacts(facts, state, event, event.occurredAt);
  }
  if (!state || !facts) return;
  await tx.query(
    `INSERT INTO report_case_facts (
       case_id, patient_id, opened_at, specialty, urgency, reasons, target_date, status, closed_at,
       phase_entered_at, phase_seconds, opinion_received_at, concordance, decision, decision_at,
       pre_auth_required, pre_auth_requested_at, pre_auth_decided_at, pre_auth_outcome, pre_auth_denied, pre_auth_appealed,
       records_requested_at, records_sent_at, coverage_checked_at, covers_second_opinions, in_network_only, provider_in_network,
       out_of_pocket_cents, travel_cost_cents, currency, cost_concern,
       dismissal_concerns, dismissal_addendum_requested, dismissal_added, dismissal_add_seconds,
       equity_consent, state, facts, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25,
       $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39)
     ON CONFLICT (case_id) DO UPDATE SET
       specialty = EXCLUDED.specialty, urgency = EXCLUDED.urgency, reasons = EXCLUDED.reasons, target_date = EXCLUDED.target_date,
       status = EXCLUDED.status, closed_at = EXCLUDED.closed_at, phase_entered_at = EXCLUDED.phase_entered_at,
       phase_seconds = EXCLUDED.phase_seconds, opinion_received_at = EXCLUDED.opinion_received_at, concordance = EXCLUDED.concordance,
       decision = EXCLUDED.decision, decision_at = EXCLUDED.decision_at, pre_auth_required = EXCLUDED.pre_auth_required,
       pre_auth_requested_at = EXCLUDED.pre_auth_requested_at, pre_auth_decided_at = EXCLUDED.pre_auth_decided_at,
       pre_auth_outcome = EXCLUDED.pre_auth_outcome, pre_auth_denied = EXCLUDED.pre_auth_denied, pre_auth_appealed = EXCLUDED.pre_auth_appealed,
       records_requested_at = EXCLUDED.records_requested_at, records_sent_at = EXCLUDED.records_sent_at,
       coverage_checked_at = EXCLUDED.coverage_checked_at, covers_second_opinions = EXCLUDED.covers_second_opinions,
       in_network_only = EXCLUDED.in_network_only, provider_in_network = EXCLUDED.provider_in_network,
       out_of_pocket_cents = EXCLUDED.out_of_pocket_cents, travel_cost_cents = EXCLUDED.travel_cost_cents, currency = EXCLUDED.currency,
       cost_concern = EXCLUDED.cost_concern, dismissal_concerns = EXCLUDED.dismissal_concerns,
       dismissal_addendum_requested = EXCLUDED.dismissal_addendum_requested, dismissal_added = EXCLUDED.dismissal_added,
       dismissal_add_seconds = EXCLUDED.dismissal_add_seconds, equity_consent = EXCLUDED.equity_consent,
       state = EXCLUDED.state, facts = EXCLUDED.facts, updated_at = EXCLUDED.updated_at`,
    [
      caseId,
      facts.patientId,
      facts.openedAt,
      facts.specialty,
      facts.urgency,
      facts.reasons,
      facts.targetDate,
      facts.status,
      facts.closedAt,
      JSON.stringify(facts.phaseEnteredAt),
      JSON.stringify(facts.phaseSeconds),
      facts.opinionReceivedAt,
      facts.concordance,
      facts.decision,
      facts.decisionAt,
      facts.preAuthRequired,
      facts.preAuthRequestedAt,
      facts.preAuthDecidedAt,
      facts.preAuthOutcome,
      facts.preAuthDenied,
      facts.preAuthAppealed,
      facts.recordsRequestedAt,
      facts.recordsSentAt,
      facts.coverageCheckedAt,
      facts.coversSecondOpinions,
      facts.inNetworkOnly,
      facts.providerInNetwork,
      facts.outOfPocketCents,
      facts.travelCostCents,
      facts.currency,
      facts.costConcern,
      facts.dismissalConcerns,
      facts.dismissalAddendumRequested,
      facts.dismissalAdded,
      facts.dismissalAddSeconds,
      facts.equityConsent,
      JSON.stringify(state),
      JSON.stringify(facts),
      events[events.length - 1].metadata.occurredAt,
    ],
  );
}
