import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { type AuthSessionResponse, type AuthUser, loginBodySchema, type LoginBody } from '@secondlook/contracts';
import type { Request, Response } from 'express';
import { Ctx, type RequestContext } from '../common/request-context';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { sessionExpired } from './auth-errors';
import { AuthService, type SignedIn } from './auth.service';
import { requireCsrfHeader } from './csrf-header';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { Public } from './public.decorator';
import { clearRefreshCookie, refreshTokenFrom, setRefreshCookie } from './refresh-cookie';
import { SessionsService } from './sessions.service';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  async login(
    @Body(new ZodValidationPipe(loginBodySchema)) body: LoginBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthSessionResponse> {
    return this.answer(req, res, await this.auth.login(body.email, body.password));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuthSessionResponse> {
    requireCsrfHeader(req);
    const presented = refreshTokenFrom(req);
    try {
      if (!presented) throw sessionExpired();
      return this.answer(req, res, await this.auth.refresh(presented));
    } catch (error) {
      clearRefreshCookie(req, res);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    requireCsrfHeader(req);
    const presented = refreshTokenFrom(req);
    if (presented) await this.sessions.revokeWith(presented);
    clearRefreshCookie(req, res);
  }

  @Get('me')
  me(@Ctx() context: RequestContext): Promise<AuthUser> {
    return this.auth.me(context.actor.id);
  }

  private answer(req: Request, res: Response, signedIn: SignedIn): AuthSessionResponse {
    if (signedIn.refresh) setRefreshCookie(req, res, signedIn.refresh.token, signedIn.refresh.idleExpiresAt);
    // Tokens must never sit in a shared cache.
    res.setHeader('Cache-Control', 'no-store');
    return signedIn.body;
  }
}
