import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type PrepareIntakeJob, QUEUES } from '@secondlook/contracts';
import type { Job } from 'bullmq';

/**
 * Placeholder for the intake follow-up work a newly opened case starts (the
 * records-transfer and timer issues replace it with real work). It proves the
 * path from the log through a process manager to a durable job.
 */
@Processor(QUEUES.caseIntake)
export class CaseIntakeProcessor extends WorkerHost {
  private readonly logger = new Logger(CaseIntakeProcessor.name);

  async process(job: Job<PrepareIntakeJob>): Promise<{ caseId: string; preparedAt: string }> {
    this.logger.log({ caseId: job.data.caseId, jobId: job.id, correlationId: job.data.correlationId }, 'intake prepared');
    return { caseId: job.data.caseId, preparedAt: new Date().toISOString() };
  }
}
