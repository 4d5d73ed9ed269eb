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
}
