import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventStore1767225600000 implements MigrationInterface {
  name = 'CreateEventStore1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A schema of its own keeps the store's tables apart from the apps' read models.
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await queryRunner.query(`
      CREATE TABLE event_store.streams (
        stream_id text PRIMARY KEY,
        version integer NOT NULL CHECK (version > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE event_store.events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version > 0),
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT events_stream_version_uq UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_uq UNIQUE (event_id)
      )`);
    // Tailers read in (transaction_id, global_position) order; see log-reader.ts.
    await queryRunner.query(
      `CREATE INDEX events_transaction_position_idx ON event_store.events (transaction_id, global_position)`,
    );
    // The log is append-only; a correction is a new event. Enforced here so no code path can forget.
    await queryRunner.query(`
      CREATE FUNCTION event_store.forbid_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event_store.events is append-only (% refused)', TG_OP;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON event_store.events
      FOR EACH STATEMENT EXECUTE FUNCTION event_store.forbid_event_change()`);
    await queryRunner.query(`
      CREATE TABLE event_store.idempotency_keys (
        stream_id text NOT NULL,
        key text NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (stream_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE event_store.checkpoints (
        name text PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT '0',
        global_position bigint NOT NULL DEFAULT 0,
        lease_owner text,
        lease_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA event_store CASCADE`);
  }
}
