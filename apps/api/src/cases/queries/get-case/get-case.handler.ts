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
  first_name: string | null;
  last_name: string | null;
  date_of_birth: string | null;
  mrn: string | null;
}

type CaseRow = SummaryRow & { patient?: CasePatient | null };

/** The patient's columns as PatientRow names them (`p.` is the patients table). */
const PATIENT_COLUMNS = `p.first_name, p.last_name, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.mrn`;

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
    const patient = snapshot.patient !== undefined ? snapshot.patient : await this.patient(state.patientId);
    const now = asOf ?? new Date();
    return {
      id: caseId,
      version,
      phase: phaseOf(state),
      riskFlags: riskFlags(state, now, DEFAULT_TARGETS),
      nextSteps: nextSteps(state),
      patient,
      state,
      targetDate: targetDateOf(state, DEFAULT_TARGETS),
      asOf: asOf ? asOf.toISOString() : null,
    };
  }

  /** The summary and its patient in one round trip: the detail is the most frequent read. */
  private async current(caseId: string): Promise<CaseRow | undefined> {
    const rows: Array<SummaryRow & PatientRow> = await this.dataSource.query(
      `SELECT s.state, s.version, ${PATIENT_COLUMNS}
         FROM case_summaries s LEFT JOIN patients p ON p.patient_id = s.patient_id
        WHERE s.case_id = $1`,
      [caseId],
    );
    const row = rows[0];
    return row && { state: row.state, version: row.version, patient: toPatient(row) };
  }

  private async foldAsOf(caseId: string, asOf: Date): Promise<CaseRow | undefined> {
    const events = await this.eventStore.readStream(caseStreamId(caseId), { asOf });
    const state = foldStoredCase(events);
    return state ? { state, version: events[events.length - 1].streamVersion } : undefined;
  }

  private async patient(patientId: string): Promise<CasePatient | null> {
    const rows: PatientRow[] = await this.dataSource.query(
      `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.patient_id = $1`,
      [patientId],
    );
    return rows[0] ? toPatient(rows[0]) : null;
  }
}

function toPatient(row: PatientRow): CasePatient | null {
  if (row.first_name === null || row.last_name === null || row.date_of_birth === null) return null;
  return { name: `${row.first_name} ${row.last_name}`, firstName: row.first_name, lastName: row.last_name, dateOfBirth: row.date_of_birth, mrn: row.mrn };
}
