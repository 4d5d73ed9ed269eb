import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { refreshCaseRiskFlags } from '@secondlook/case-application';
import { type FollowUpJob, JOBS, QUEUES, type RefreshRiskFlagsJob } from '@secondlook/contracts';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { WorkerCaseCommands } from '../case-commands/worker-case-commands';

export type FollowUpResult = { outcome: 'raised' | 'refreshed' } | { outcome: 'not-needed'; reason: string };

/**
 * Durable timers firing. A pre-auth follow-up asks the domain to raise
 * PreAuthFollowUpDue; a refusal (decided meanwhile, already raised) means the
 * timer is moot, which is a success. A risk-flag refresh recomputes the case's
 * time-based flags in the worklist row, since the clock passing appends nothing.
 */
@Processor(QUEUES.followUps)
export class FollowUpsProcessor extends WorkerHost {
  private readonly logger = new Logger(FollowUpsProcessor.name);

  constructor(
    private readonly commands: WorkerCaseCommands,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async process(job: Job<FollowUpJob>): Promise<FollowUpResult> {
    switch (job.name) {
      case JOBS.preAuthFollowUp: {
        const outcome = await this.commands.execute(job.data.caseId, { type: 'record-pre-auth-follow-up-due' }, job.data, `pre-auth-follow-up:${job.id}`);
        if (!outcome.ok) return { outcome: 'not-needed', reason: outcome.refusal.code };
        this.logger.log({ jobId: job.id, caseId: job.data.caseId }, 'pre-auth follow-up raised');
        return { outcome: 'raised' };
      }
      case JOBS.refreshRiskFlags: {
        const flags = await this.dataSource.transaction((tx) => refreshCaseRiskFlags(tx, (job.data as RefreshRiskFlagsJob).caseId));
        return flags ? { outcome: 'refreshed' } : { outcome: 'not-needed', reason: 'case-not-found' };
      }
      default:
        throw new Error(`Unknown follow-up job ${job.name}`);
    }
  }
}
