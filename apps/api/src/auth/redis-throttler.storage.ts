import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig, redisConnection } from '@secondlook/platform';
import Redis from 'ioredis';

// Fixed window per key, atomic in Redis so every replica counts into the same
// bucket. Past the limit the key is blocked for blockDuration. Times in ms.
const INCREMENT = `
local block_ttl = redis.call('PTTL', KEYS[2])
if block_ttl > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return { hits, redis.call('PTTL', KEYS[1]), 1, block_ttl }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return { hits, ttl, 1, tonumber(ARGV[3]) }
end
return { hits, ttl, 0, 0 }
`;

/**
 * Throttler counters in Redis (under REDIS_PREFIX), so a burst spread over
 * several api replicas is still one burst. The throttler's default in-memory
 * store would give each replica its own allowance.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // A few retries, not BullMQ's wait-forever: a login must fail rather than hang when Redis is gone.
    this.redis = new Redis({ ...redisConnection(config.REDIS_URL), maxRetriesPerRequest: 2, lazyConnect: true, keyPrefix: `${config.REDIS_PREFIX}:throttle:` });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): ReturnType<ThrottlerStorage['increment']> {
    const bucket = `${throttlerName}:${key}`;
    const [totalHits, ttlMs, blocked, blockMs] = (await this.redis.eval(INCREMENT, 2, bucket, `${bucket}:blocked`, ttl, limit, blockDuration)) as number[];
    return {
      totalHits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
    };
  }

  // Every increment is awaited within its request, so nothing is in flight to wait for at shutdown.
  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
