import { Injectable } from '@nestjs/common';
import type { AuthSessionResponse, AuthUser } from '@secondlook/contracts';
import { PasswordHasher } from '../users/password-hasher.service';
import { UsersService } from '../users/users.service';
import type { UserRow } from '../users/user-account';
import { AccessTokenService } from './access-token.service';
import { invalidCredentials, sessionExpired } from './auth-errors';
import type { RefreshToken } from './refresh-token';
import { SessionsService } from './sessions.service';

export interface SignedIn {
  body: AuthSessionResponse;
  /** A new refresh token for the cookie, or none when the cookie already holds the newest. */
  refresh?: { token: RefreshToken; idleExpiresAt: Date };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tokens: AccessTokenService,
  ) {}

  /** One answer for an unknown email, a wrong password and a disabled account, in about the same time. */
  async login(email: string, password: string): Promise<SignedIn> {
    const user = await this.users.findByEmail(email);
    const verified = user ? await this.hasher.verify(user.password_hash, password) : await this.hasher.verifyAgainstDummy(password);
    if (!user || !verified || user.disabled_at) throw invalidCredentials();
    return this.startSession(user);
  }

  /** A new session for a user already proven to be who they say (login; tests). */
  async startSession(user: UserRow): Promise<SignedIn> {
    const refresh = await this.sessions.start(user.id);
    const access = await this.tokens.issue(user.id, refresh.token.sessionId);
    return { body: { accessToken: access.token, expiresAt: access.expiresAt.toISOString(), user: toAuthUser(user) }, refresh };
  }

  async refresh(presented: RefreshToken): Promise<SignedIn> {
    const outcome = await this.sessions.refresh(presented);
    if (outcome.kind === 'refused') throw sessionExpired();
    const user = await this.users.findById(outcome.userId);
    if (!user || user.disabled_at) throw sessionExpired();
    const access = await this.tokens.issue(user.id, presented.sessionId);
    const body = { accessToken: access.token, expiresAt: access.expiresAt.toISOString(), user: toAuthUser(user) };
    return outcome.kind === 'rotated' ? { body, refresh: { token: outcome.token, idleExpiresAt: outcome.idleExpiresAt } } : { body };
  }

  async me(userId: string): Promise<AuthUser> {
    const user = await this.users.findById(userId);
    // The guard has just seen this user; a miss means it was deleted in between.
    if (!user) throw sessionExpired();
    return toAuthUser(user);
  }
}

function toAuthUser(user: UserRow): AuthUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
