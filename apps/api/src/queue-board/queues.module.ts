import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@secondlook/contracts';

const registered = BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name })));

/**
 * The api's handles on the worker's queues: it enqueues staff retries, reads job
 * progress, counts depth for /api/health and shows them on Bull Board. It runs no
 * processors: jobs run in the worker only.
 */
@Module({ imports: [registered], exports: [registered] })
export class QueuesModule {}
