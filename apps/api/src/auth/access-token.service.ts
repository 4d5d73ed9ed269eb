import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@secondlook/platform';
import { authenticationRequired, tokenExpired } from './auth-errors';

export interface AccessTokenClaims {
  /** user id */
  sub: string;
  /** session id, so signing out ends the access token too, not only the refresh cookie */
  sid: string;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: string, sessionId: string): Promise<IssuedAccessToken> {
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const token = await this.jwt.signAsync({ sid: sessionId } satisfies Omit<AccessTokenClaims, 'sub'>, { subject: userId, expiresIn: ttl });
    // jsonwebtoken stamps iat in whole seconds; expiry is counted from there.
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a genuine, unexpired token, else a 401 saying which. */
  async verify(token: string): Promise<AccessTokenClaims> {
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch (error) {
      throw (error as { name?: string }).name === 'TokenExpiredError' ? tokenExpired() : authenticationRequired();
    }
    const { sub, sid } = payload;
    if (typeof sub !== 'string' || typeof sid !== 'string' || !UUID.test(sub) || !UUID.test(sid)) throw authenticationRequired();
    return { sub, sid };
  }
}
