import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff accounts and their sign-in sessions. Emails are stored lower-cased so a
 * plain unique index makes them case-insensitively unique without citext.
 * Sessions keep only a hash of the refresh token (a stolen database dump cannot
 * resume anyone's session) and the previous hash, to spot a replayed token.
 */
export class CreateUsersAndSessions1764100000000 implements MigrationInterface {
  name = 'CreateUsersAndSessions1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('coordinator', 'advocate', 'admin')),
        password_hash text NOT NULL,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_lower CHECK (email = lower(email))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_idx ON users (email)`);
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        refresh_hash text NOT NULL,
        previous_refresh_hash text,
        rotated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        idle_expires_at timestamptz NOT NULL,
        absolute_expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
