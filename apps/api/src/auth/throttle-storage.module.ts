import { Module } from '@nestjs/common';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** Gives the throttler's async options a provider (with a shutdown hook) to hold the Redis client. */
@Module({ providers: [RedisThrottlerStorage], exports: [RedisThrottlerStorage] })
export class ThrottleStorageModule {}
