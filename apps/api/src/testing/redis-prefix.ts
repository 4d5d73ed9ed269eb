import Redis from 'ioredis';

/** Removes every Redis key of a test's prefix (shared with the cross-process tests in test/). */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis already gone (a fault test stopped it): nothing left to clean.
  } finally {
    redis.disconnect();
  }
}
