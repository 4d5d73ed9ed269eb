import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * documents: file names and descriptions are personal data, so they live in this
 * erasable table (events name a document by id only); the bytes live in
 * DocumentStorage under storage_key.
 * records_destinations: each second-opinion provider's FHIR endpoint and the
 * credentials it expects.
 * records_transfer_deliveries: which document of which records request the
 * destination acknowledged, so a restarted transfer never sends one twice.
 */
export class CreateDocumentsAndRecordsTransfer1764200000000 implements MigrationInterface {
  name = 'CreateDocumentsAndRecordsTransfer1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE documents (
        document_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        file_name text NOT NULL,
        description text,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 text NOT NULL,
        sha1_base64 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX documents_case_idx ON documents (case_id, uploaded_at)`);
    await queryRunner.query(`
      CREATE TABLE records_destinations (
        destination_id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        fhir_base_url text NOT NULL,
        authorization_header text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE records_transfer_deliveries (
        request_id uuid NOT NULL,
        document_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('sending', 'delivered', 'failed')),
        receipt text,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        PRIMARY KEY (request_id, document_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE records_transfer_deliveries`);
    await queryRunner.query(`DROP TABLE records_destinations`);
    await queryRunner.query(`DROP TABLE documents`);
  }
}
