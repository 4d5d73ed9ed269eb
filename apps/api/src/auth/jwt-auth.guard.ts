import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { RequestWithActor } from '../common/request-context';
import { AccessTokenService } from './access-token.service';
import { authenticationRequired } from './auth-errors';
import { IS_PUBLIC } from './public.decorator';
import { SessionsService } from './sessions.service';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * Global: every route needs `Authorization: Bearer <access token>` unless it is
 * @Public(). The token must verify AND its user and session must still be live
 * (one primary-key lookup), so disabling a user or signing out takes effect at
 * once rather than when the token expires. Sets `req.actor`.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<RequestWithActor>();
    const res = context.switchToHttp().getResponse<Response>();
    try {
      const match = BEARER.exec(req.headers.authorization ?? '');
      if (!match) throw authenticationRequired();
      const claims = await this.tokens.verify(match[1]);
      const actor = await this.sessions.activeActor(claims.sub, claims.sid);
      if (!actor) throw authenticationRequired();
      req.actor = actor;
      return true;
    } catch (error) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="secondlook"');
      throw error;
    }
  }
}
