import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of every access to case data. Append-only: PUBLIC loses
 * UPDATE/DELETE/TRUNCATE, and because the app usually connects as the table's
 * owner (whom REVOKE does not bind), triggers refuse those statements for
 * everyone. No foreign key to users: the trail outlives the accounts it names.
 */
export class CreateAuditLog1764100000001 implements MigrationInterface {
  name = 'CreateAuditLog1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        case_id uuid,
        request_id text NOT NULL,
        source_address text NOT NULL,
        outcome smallint NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_case_idx ON audit_log (case_id, id) WHERE case_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)`);
    await queryRunner.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
  }
}
