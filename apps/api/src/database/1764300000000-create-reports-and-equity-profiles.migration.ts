import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * patient_equity_profiles holds self-identified equity answers: personal data, so it lives
 * beside the patient, outside the log, and goes with the patient row when it is erased.
 * report_case_facts is the reports' read model, rebuilt from the log by the projection of
 * the same name.
 */
export class CreateReportsAndEquityProfiles1764300000000 implements MigrationInterface {
  name = 'CreateReportsAndEquityProfiles1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE patient_equity_profiles (
        patient_id uuid PRIMARY KEY REFERENCES patients (patient_id) ON DELETE CASCADE,
        race_ethnicity text[] NOT NULL DEFAULT '{}',
        disability text,
        lgbtqia text,
        socioeconomic_hardship text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid
      )`);
    await queryRunner.query(`
      CREATE TABLE report_case_facts (
        case_id uuid PRIMARY KEY,
        patient_id uuid NOT NULL,
        opened_at timestamptz NOT NULL,
        specialty text NOT NULL,
        urgency text NOT NULL,
        reasons text[] NOT NULL,
        target_date date,
        status text NOT NULL,
        closed_at timestamptz,
        phase_entered_at jsonb NOT NULL,
        phase_seconds jsonb NOT NULL,
        opinion_received_at timestamptz,
        concordance text,
        decision text,
        decision_at timestamptz,
        pre_auth_required boolean,
        pre_auth_requested_at timestamptz,
        pre_auth_decided_at timestamptz,
        pre_auth_outcome text,
        pre_auth_denied boolean NOT NULL DEFAULT false,
        pre_auth_appealed boolean NOT NULL DEFAULT false,
        records_requested_at timestamptz,
        records_sent_at timestamptz,
        coverage_checked_at timestamptz,
        covers_second_opinions boolean,
        in_network_only boolean,
        provider_in_network boolean,
        out_of_pocket_cents bigint,
        travel_cost_cents bigint,
        currency text,
        cost_concern boolean,
        dismissal_concerns integer NOT NULL DEFAULT 0,
        dismissal_addendum_requested integer NOT NULL DEFAULT 0,
        dismissal_added integer NOT NULL DEFAULT 0,
        dismissal_add_seconds double precision[] NOT NULL DEFAULT '{}',
        equity_consent text NOT NULL,
        state jsonb NOT NULL,
        facts jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX report_case_facts_opened_idx ON report_case_facts (opened_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_case_facts`);
    await queryRunner.query(`DROP TABLE patient_equity_profiles`);
  }
}
