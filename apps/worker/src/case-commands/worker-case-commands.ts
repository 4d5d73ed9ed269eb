import { Injectable } from '@nestjs/common';
import { CaseCommandRefusedError, type CaseCommandResult, executeCaseCommand } from '@secondlook/case-application';
import type { JobTrace } from '@secondlook/contracts';
import type { CaseCommand, Refusal } from '@secondlook/domain';
import { EventStore } from '@secondlook/event-store';

/** The worker acts as the system, not as a person; its events say which job caused them. */
export const WORKER_ACTOR = { id: '00000000-0000-0000-0000-000000000000', role: 'system' } as const;

export type WorkerCommandOutcome = { ok: true; result: CaseCommandResult } | { ok: false; refusal: Refusal };

/**
 * The worker's side of the shared command path (load, decide, append). A refusal
 * is an answer, not an error: a timer that finds its question already answered,
 * or a transfer step already recorded, has nothing left to do.
 */
@Injectable()
export class WorkerCaseCommands {
  constructor(private readonly store: EventStore) {}

  async execute(caseId: string, command: CaseCommand, trace: JobTrace & { jobId?: string }, idempotencyKey?: string): Promise<WorkerCommandOutcome> {
    try {
      const result = await executeCaseCommand(
        this.store,
        caseId,
        command,
        { actor: WORKER_ACTOR, requestId: trace.requestId, correlationId: trace.correlationId, causationId: trace.causationEventId },
        { idempotencyKey },
      );
      return { ok: true, result };
    } catch (error) {
      if (error instanceof CaseCommandRefusedError) return { ok: false, refusal: error.refusal };
      throw error;
    }
  }
}
