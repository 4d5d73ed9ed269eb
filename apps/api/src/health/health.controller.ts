import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { QueuesHealthIndicator } from './queues.health';
import { RedisHealthIndicator } from './redis.health';

/** 200 when PostgreSQL and Redis answer, 503 (with which one failed) when not; queue depth and failures in the details. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly queues: QueuesHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.postgres.pingCheck('postgres', { timeout: 2000 }),
      () => this.redis.isHealthy('redis'),
      () => this.queues.isHealthy('queues'),
    ]);
  }
}
