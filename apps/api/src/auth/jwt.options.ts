import { Logger } from '@nestjs/common';
import type { JwtModuleOptions } from '@nestjs/jwt';
import { type AppConfig, resolveJwtSecret } from '@secondlook/platform';
import { createSecretKey } from 'node:crypto';

const ISSUER = 'secondlook';
const AUDIENCE = 'secondlook-api';

/** HS256 only, pinned on verify as well, so a token cannot pick its own algorithm ("none"). */
export function jwtOptions(config: AppConfig): JwtModuleOptions {
  const { secret, generated } = resolveJwtSecret(config);
  if (generated) {
    new Logger('Auth').warn('JWT_SECRET is not set: signing access tokens with a random key of this process. Tokens end at restart and other replicas refuse them; set JWT_SECRET for anything but local development.');
  }
  return {
    // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
    // PEM public key on every verify, and that failed parse was a sixth of the api's CPU.
    secret: createSecretKey(Buffer.from(secret, 'utf8')),
    signOptions: { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE },
    verifyOptions: { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE },
  };
}
