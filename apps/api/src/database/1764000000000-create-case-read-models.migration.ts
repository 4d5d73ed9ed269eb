import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patients hold the personal data that may have to be erased: it lives here,
 * outside the immutable event log, and events refer to a patient by id only.
 * case_summaries is the worklist read model, kept inline with every append.
 */
export class CreateCaseReadModels1764000000000 implements MigrationInterface {
  name = 'CreateCaseReadModels1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE patients (
        patient_id uuid PRIMARY KEY,
        first_name text NOT NULL,
        last_name text NOT NULL,
        date_of_birth date NOT NULL,
        mrn text,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX patients_last_name_idx ON patients (lower(last_name) text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX patients_first_name_idx ON patients (lower(first_name) text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX patients_mrn_idx ON patients (mrn)`);
    await queryRunner.query(`
      CREATE TABLE case_summaries (
        case_id uuid PRIMARY KEY,
        patient_id uuid NOT NULL,
        version integer NOT NULL,
        phase text NOT NULL,
        urgency text NOT NULL,
        specialty text NOT NULL,
        reasons text[] NOT NULL,
        risk_flags text[] NOT NULL DEFAULT '{}',
        target_date date,
        assigned_advocate_id uuid,
        assigned_coordinator_id uuid,
        state jsonb NOT NULL,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        flags_recheck_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX case_summaries_opened_idx ON case_summaries (opened_at, case_id)`);
    await queryRunner.query(`CREATE INDEX case_summaries_target_idx ON case_summaries ((coalesce(target_date, 'infinity'::date)), case_id)`);
    await queryRunner.query(`CREATE INDEX case_summaries_phase_idx ON case_summaries (phase, opened_at, case_id)`);
    await queryRunner.query(`CREATE INDEX case_summaries_advocate_idx ON case_summaries (assigned_advocate_id, opened_at, case_id)`);
    await queryRunner.query(`CREATE INDEX case_summaries_flags_idx ON case_summaries USING gin (risk_flags)`);
    await queryRunner.query(`CREATE INDEX case_summaries_reasons_idx ON case_summaries USING gin (reasons)`);
    await queryRunner.query(`CREATE INDEX case_summaries_recheck_idx ON case_summaries (flags_recheck_at) WHERE flags_recheck_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_summaries`);
    await queryRunner.query(`DROP TABLE patients`);
  }
}
