import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PatientDetails {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  mrn?: string;
}

/**
 * The erasable home of patients' personal data. Events name a patient by id
 * only, so erasing a row here redacts every read model without touching the log.
 */
@Injectable()
export class PatientDirectory {
  async register(tx: EntityManager, patientId: string, details: PatientDetails): Promise<void> {
    await tx.query(
      `INSERT INTO patients (patient_id, first_name, last_name, date_of_birth, mrn) VALUES ($1, $2, $3, $4, $5)`,
      [patientId, details.firstName, details.lastName, details.dateOfBirth, details.mrn ?? null],
    );
  }

  /**
   * Erases the personal data of the patient behind a case: the patients row and,
   * by cascade, the equity self-identification answers. The log keeps only the
   * patient id, so every event still reads; read models then show "[erased]".
   */
  async eraseForCase(tx: EntityManager, caseId: string): Promise<ErasureResult | undefined> {
    const rows: Array<{ patient_id: string }> = await tx.query(
      `SELECT p.patient_id FROM patients p JOIN case_summaries s ON s.patient_id = p.patient_id WHERE s.case_id = $1 FOR UPDATE OF p`,
      [caseId],
    );
    const patientId = rows[0]?.patient_id;
    if (!patientId) return undefined;
    await tx.query(`DELETE FROM patients WHERE patient_id = $1`, [patientId]);
    return { patientId, erasedAt: new Date().toISOString() };
  }
}

export interface ErasureResult {
  patientId: string;
  erasedAt: string;
}
