import { randomBytes } from 'node:crypto';
import { type AppConfig, ConfigError } from './app-config';

export interface JwtSecret {
  secret: string;
  /** True when no JWT_SECRET was set and this process made up its own. */
  generated: boolean;
}

/**
 * The api's access-token signing key. Without JWT_SECRET a development process
 * signs with a random key of its own, which is fine for one process but means
 * tokens die on restart and are refused by any other replica; production must
 * share one secret across replicas, so it refuses to start instead.
 */
export function resolveJwtSecret(config: Pick<AppConfig, 'JWT_SECRET' | 'NODE_ENV'>): JwtSecret {
  if (config.JWT_SECRET) return { secret: config.JWT_SECRET, generated: false };
  if (config.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration: JWT_SECRET is required when NODE_ENV=production (every api replica must share it)');
  }
  return { secret: randomBytes(48).toString('base64url'), generated: true };
}
