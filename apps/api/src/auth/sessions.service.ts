import { Injectable } from '@nestjs/common';
import type { Role } from '@secondlook/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActiveActorCache } from './active-actor-cache';
import { hashRefreshSecret, newRefreshSecret, type RefreshToken } from './refresh-token';
import { REFRESH_REUSE_GRACE_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-policy.constant';

export type RefreshOutcome =
  | { kind: 'rotated'; userId: string; token: RefreshToken; idleExpiresAt: Date }
  /** A concurrent refresh already rotated this token moments ago: answer, but keep the newer cookie. */
  | { kind: 'raced'; userId: string }
  | { kind: 'refused' };

export interface ActiveActor {
  id: string;
  role: Role;
}

/**
 * Sign-in sessions in PostgreSQL, so every api replica sees a sign-out at once.
 * Each refresh rotates the token; presenting an already-rotated token after the
 * grace period means it was copied, and the whole session is revoked.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActiveActorCache,
  ) {}

  async start(userId: string): Promise<{ token: RefreshToken; idleExpiresAt: Date }> {
    const token = { sessionId: randomUUID(), secret: newRefreshSecret() };
    const [row] = (await this.dataSource.query(
      `INSERT INTO sessions (id, user_id, refresh_hash, idle_expires_at, absolute_expires_at)
       VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond', now() + $5 * interval '1 millisecond')
       RETURNING idle_expires_at`,
      [token.sessionId, userId, hashRefreshSecret(token.secret), SESSION_IDLE_MS, SESSION_ABSOLUTE_MS],
    )) as Array<{ idle_expires_at: Date }>;
    return { token, idleExpiresAt: row.idle_expires_at };
  }

  async refresh(presented: RefreshToken): Promise<RefreshOutcome> {
    const next = newRefreshSecret();
    const presentedHash = hashRefreshSecret(presented.secret);
    const rotated = (await this.dataSource.query(
      `WITH rotated AS (
         UPDATE sessions s
            SET previous_refresh_hash = s.refresh_hash, refresh_hash = $3, rotated_at = now(),
                idle_expires_at = least(now() + $4 * interval '1 millisecond', s.absolute_expires_at)
           FROM users u
          WHERE s.id = $1 AND s.refresh_hash = $2 AND u.id = s.user_id AND u.disabled_at IS NULL
            AND s.revoked_at IS NULL AND s.idle_expires_at > now() AND s.absolute_expires_at > now()
          RETURNING s.user_id, s.idle_expires_at)
       SELECT * FROM rotated`,
      [presented.sessionId, presentedHash, hashRefreshSecret(next), SESSION_IDLE_MS],
    )) as Array<{ user_id: string; idle_expires_at: Date }>;
    if (rotated[0]) {
      return { kind: 'rotated', userId: rotated[0].user_id, token: { sessionId: presented.sessionId, secret: next }, idleExpiresAt: rotated[0].idle_expires_at };
    }

    const [earlier] = (await this.dataSource.query(
      `SELECT s.user_id,
              s.rotated_at > now() - $3 * interval '1 millisecond' AS within_grace,
              s.revoked_at IS NULL AND s.idle_expires_at > now() AND s.absolute_expires_at > now() AND u.disabled_at IS NULL AS live
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.previous_refresh_hash = $2`,
      [presented.sessionId, presentedHash, REFRESH_REUSE_GRACE_MS],
    )) as Array<{ user_id: string; within_grace: boolean; live: boolean }>;
    if (!earlier) return { kind: 'refused' };
    if (earlier.within_grace && earlier.live) return { kind: 'raced', userId: earlier.user_id };
    await this.revoke(presented.sessionId);
    return { kind: 'refused' };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
    await this.actors.invalidate({ sessionId });
  }

  /** Revokes only when the caller proves possession of the current (or just-rotated) token. */
  async revokeWith(presented: RefreshToken): Promise<void> {
    const hash = hashRefreshSecret(presented.secret);
    const revoked = (await this.dataSource.query(
      `WITH revoked AS (
         UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND (refresh_hash = $2 OR previous_refresh_hash = $2)
         RETURNING id)
       SELECT id FROM revoked`,
      [presented.sessionId, hash],
    )) as unknown[];
    // Sign-out is public: only a real revocation is worth telling every replica about.
    if (revoked.length > 0) await this.actors.invalidate({ sessionId: presented.sessionId });
  }

  /**
   * The user behind an access token, if the user still exists, is enabled and
   * the session was not signed out: one primary-key join per request. The role
   * comes from the row, so a role change applies to the very next request. A live
   * answer is reused briefly (see ActiveActorCache, which every change here and in
   * UsersService invalidates on all replicas).
   */
  async activeActor(userId: string, sessionId: string): Promise<ActiveActor | undefined> {
    const known = this.actors.get(userId, sessionId);
    if (known) return known;
    const generation = this.actors.currentGeneration;
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.role FROM users u JOIN sessions s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.disabled_at IS NULL AND s.revoked_at IS NULL AND s.absolute_expires_at > now()`,
      [userId, sessionId],
    )) as ActiveActor[];
    if (rows[0]) this.actors.remember(sessionId, rows[0], generation);
    return rows[0];
  }
}
