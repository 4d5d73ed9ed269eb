import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { QUEUES } from '@secondlook/contracts';
import type { Queue } from 'bullmq';

const TIMEOUT_MS = 1000;

/**
 * Depth (waiting + delayed + active) and failed count of every queue, in the
 * health details. A deep queue or failed jobs do not make the api unhealthy (it
 * still serves); an unreachable Redis does, and the Redis check says so too.
 */
@Injectable()
export class QueuesHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async isHealthy(key: string) {
    const check = this.indicator.check(key);
    try {
      const entries = await Promise.all(
        Object.values(QUEUES).map(async (name) => {
          const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
          const counts = await withTimeout(queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'failed'));
          return [name, { depth: counts.waiting + counts.delayed + counts.active + counts.prioritized, active: counts.active, delayed: counts.delayed, failed: counts.failed }] as const;
        }),
      );
      return check.up(Object.fromEntries(entries));
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)))]).finally(() => clearTimeout(timer));
}
