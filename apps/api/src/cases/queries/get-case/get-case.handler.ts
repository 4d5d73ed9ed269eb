import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseStreamId, foldStoredCase } from '@secondlook/case-application';
import type { CaseDetail, CasePatient } from '@secondlook/contracts';
import { type CaseState, DEFAULT_TARGETS, nextSteps, phaseOf, riskFlags, targetDateOf } from '@secondlook/domain';
import { EventStore } from '@secondlook/event-store';
import { DataSource } from 'typeorm';
import { GetCaseQuery } from './get-case.query';

interface SummaryRow {
  state: CaseState;
  version: number;
}

interface PatientRow {
  first_name: string;
  last_name: string;
  date_of_birth: string;
  mrn: string | null;
}

/**
 * The current case comes from the inline read model (written with the events, so
 * it is never behind a command's response); a past moment is folded from the log.
 */
@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseDetail> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventStore: EventStore,
  ) {}

  async execute({ caseId, asOf }: GetCaseQuery): Promise<CaseDetail> {
    const snapshot = asOf ? await this.foldAsOf(caseId, asOf) : await this.current(caseId);
    if (!snapshot) throw new NotFoundException({ error: 'case-not-found', message: asOf ? 'The case did not exist at that time' : 'No such case' });
    const { state, version } = snapshot;
    const now = asOf ?? new Date();
    return {
      id: caseId,
      version,
      phase: phaseOf(state),
      riskFlags: riskFlags(state, now, DEFAULT_TARGETS),
      nextSteps: nextSteps(state),
      patient: await this.patient(state.patientId),
      state,
      targetDate: targetDateOf(state, DEFAULT_TARGETS),
      asOf: asOf ? asOf.toISOString() : null,
    };
  }

  private async current(caseId: string): Promise<SummaryRow | undefined> {
    const rows: SummaryRow[] = await this.dataSource.query(`SELECT state, version FROM case_summaries WHERE case_id = $1`, [caseId]);
    return rows[0];
  }

  private async foldAsOf(caseId: string, asOf: Date): Promise<SummaryRow | undefined> {
    const events = await this.eventStore.readStream(caseStreamId(caseId), { asOf });
    const state = foldStoredCase(events);
    return state ? { state, version: events[events.length - 1].streamVersion } : undefined;
  }

  private async patient(patientId: string): Promise<CasePatient | null> {
    const rows: PatientRow[] = await this.dataSource.query(
      `SELECT first_name, last_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, mrn FROM patients WHERE patient_id = $1`,
      [patientId],
    );
    const row = rows[0];
    if (!row) return null;
    return { name: `${row.first_name} ${row.last_name}`, firstName: row.first_name, lastName: row.last_name, dateOfBirth: row.date_of_birth, mrn: row.mrn };
  }
}
