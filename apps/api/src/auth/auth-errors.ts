import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { AUTH_ERRORS } from '@secondlook/contracts';

export const invalidCredentials = (): UnauthorizedException =>
  new UnauthorizedException({ error: AUTH_ERRORS.invalidCredentials, message: 'Email or password is wrong' });

export const authenticationRequired = (): UnauthorizedException =>
  new UnauthorizedException({ error: AUTH_ERRORS.authenticationRequired, message: 'Sign in to continue' });

export const tokenExpired = (): UnauthorizedException =>
  new UnauthorizedException({ error: AUTH_ERRORS.tokenExpired, message: 'Your access token has expired; refresh it or sign in again' });

export const sessionExpired = (): UnauthorizedException =>
  new UnauthorizedException({ error: AUTH_ERRORS.sessionExpired, message: 'Your session has ended; sign in again' });

export const csrfHeaderMissing = (): ForbiddenException =>
  new ForbiddenException({ error: AUTH_ERRORS.csrfHeaderMissing, message: 'This request needs the X-Requested-With: secondlook header' });
