import { z } from 'zod';

/**
 * Every setting the api and the worker read from the environment, validated once
 * at start-up so a typo fails fast with a line naming the variable instead of a
 * stack trace from deep inside a driver.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]+$/, 'letters, digits, : _ - only').default('secondlook'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /**
   * How long an api replica may reuse "this user's session is live" before asking PostgreSQL
   * again. Sign-outs, disabled users and role changes are broadcast to every replica through
   * Redis at once; this bounds the delay only when Redis is unreachable. 0 turns the cache off.
   */
  SESSION_CHECK_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean)),
  LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(5),
  LOGIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/i, 'a size such as 1mb').default('1mb'),
  DASHBOARD_DIR: z.string().optional(),
  SEED_DEMO: booleanFlag.default(true),
  DOCUMENTS_DIR: z.string().min(1).default('.data/documents'),
  DOCUMENTS_MAX_BYTES: z.coerce.number().int().min(1).default(200 * 1024 * 1024),
  /**
   * Largest document sent as base64 inside the transaction Bundle; a larger one is PUT as a native
   * Binary (raw bytes) first. 0 = always native; a value above DOCUMENTS_MAX_BYTES = always inline.
   */
  RECORDS_INLINE_MAX_BYTES: z.coerce.number().int().min(0).default(1024 * 1024),
  RECORDS_TRANSFER_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  RECORDS_TRANSFER_BACKOFF_MS: z.coerce.number().int().min(1).default(10_000),
  RECORDS_TRANSFER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** Documents of one transfer in flight at once. */
  RECORDS_TRANSFER_DOCUMENT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(3),
  RECORDS_TRANSFER_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  /** How long a killed worker's job stays locked before another worker takes it over. */
  QUEUE_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
});

export type AppConfig = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = issue.path.join('.');
    const problem = issue.code === 'invalid_type' && env[variable] === undefined ? 'is required' : issue.message;
    return `${variable} ${problem}`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/** Nest injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
