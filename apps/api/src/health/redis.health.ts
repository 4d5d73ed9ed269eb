import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig, redisConnection } from '@secondlook/platform';
import Redis from 'ioredis';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // A short-fused client of its own: the health check must answer fast when Redis is gone,
    // while BullMQ's connections are configured to wait for it.
    this.client = new Redis({ ...redisConnection(config.REDIS_URL), lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 1000 });
    this.client.on('error', () => undefined);
  }

  async isHealthy(key: string) {
    const check = this.indicator.check(key);
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      await Promise.race([this.client.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
