import { Injectable } from '@nestjs/common';
import { caseIdFromStream, foldStoredCase } from '@secondlook/case-application';
import { type FollowUpJob, jobIdFor, JOBS, QUEUES } from '@secondlook/contracts';
import { addHours, DEFAULT_TARGETS, endOfIsoDate, includesCode, PRE_AUTH_AWAITING_DECISION, targetDateOf } from '@secondlook/domain';
import { type Consumer, EventStore, type StoredEvent } from '@secondlook/event-store';
import type { EntityManager } from 'typeorm';
import { JobProducers } from '../jobs/job-producers';

/** Events that start the insurer's clock: each arms a follow-up timer for the decision target. */
const PRE_AUTH_WAITS = ['PreAuthRequested', 'PreAuthPending', 'PreAuthAppealed'];
/** Events that answer the insurer's clock: their case's pending timers are removed. */
const PRE_AUTH_DECISIONS = ['PreAuthApproved', 'PreAuthDenied'];
const RELEVANT = new Set([...PRE_AUTH_WAITS, ...PRE_AUTH_DECISIONS, 'CaseOpened', 'AppointmentScheduled']);

interface TimerJob {
  name: string;
  data: FollowUpJob;
  opts: { jobId: string; delay: number; removeOnComplete: { age: number }; removeOnFail: { age: number }; attempts: number; backoff: { type: 'exponential'; delay: number } };
}

/**
 * Durable timers as delayed BullMQ jobs (they survive worker restarts), armed and
 * cancelled from the log: a pre-auth request arms a follow-up at the insurer's
 * decision target; an urgent case arms a risk-flag refresh at the end of its target
 * day. The awaited event (a decision, an appointment) removes the timer; a timer
 * that fires anyway finds the domain refusing it, which is also fine.
 */
@Injectable()
export class FollowUpTimersProcessManager implements Consumer {
  readonly name = 'follow-up-timers-process-manager';
  readonly batchSize = 200;

  constructor(
    private readonly producers: JobProducers,
    private readonly store: EventStore,
  ) {}

  async handle(events: StoredEvent[], tx: EntityManager): Promise<void> {
    const relevant = events.filter((event) => RELEVANT.has(event.type));
    if (relevant.length === 0) return;
    const add: TimerJob[] = [];
    const remove: string[] = [];
    const now = Date.now();
    const histories = new Map<string, StoredEvent[]>();
    for (const event of relevant) {
      if (!histories.has(event.streamId)) histories.set(event.streamId, await this.store.readStream(event.streamId, { within: tx }));
      const history = histories.get(event.streamId) ?? [];
      const upTo = history.filter((candidate) => candidate.streamVersion <= event.streamVersion);
      const state = foldStoredCase(upTo);
      if (!state) continue;
      const caseId = caseIdFromStream(event.streamId);
      const trace = { caseId, causationEventId: event.eventId, correlationId: event.metadata.correlationId, requestId: event.metadata.requestId };

      if (PRE_AUTH_WAITS.includes(event.type)) {
        const { status, awaitingSince } = state.preAuth;
        if (!includesCode(PRE_AUTH_AWAITING_DECISION, status) || awaitingSince === null) continue;
        const due = addHours(new Date(awaitingSince), DEFAULT_TARGETS.preAuthDecisionHours[state.urgency]).getTime();
        add.push(timer(JOBS.preAuthFollowUp, trace, event.eventId, due - now));
      } else if (PRE_AUTH_DECISIONS.includes(event.type)) {
        remove.push(...eventIds(upTo, PRE_AUTH_WAITS).map((id) => jobIdFor(QUEUES.followUps, id)));
      } else if (event.type === 'CaseOpened' && state.urgency === 'urgent') {
        const due = endOfIsoDate(targetDateOf(state, DEFAULT_TARGETS)).getTime();
        add.push(timer(JOBS.refreshRiskFlags, { ...trace, reason: 'urgent-target-date' }, event.eventId, due - now));
      } else if (event.type === 'AppointmentScheduled') {
        remove.push(...eventIds(upTo, ['CaseOpened']).map((id) => jobIdFor(QUEUES.followUps, id)));
      }
    }
    if (add.length > 0) await this.producers.within(this.producers.followUps.addBulk(add), 'arm follow-up timers');
    // A timer armed and answered in the same batch is removed after it is added, so order matters.
    for (const jobId of remove) await this.producers.within(this.producers.followUps.remove(jobId), 'cancel follow-up timer');
  }
}

function timer(name: string, data: FollowUpJob, eventId: string, delay: number): TimerJob {
  return {
    name,
    data,
    opts: {
      jobId: jobIdFor(QUEUES.followUps, eventId),
      delay: Math.max(0, delay),
      removeOnComplete: { age: 30 * 86_400 },
      removeOnFail: { age: 90 * 86_400 },
      attempts: 10,
      backoff: { type: 'exponential', delay: 30_000 },
    },
  };
}

function eventIds(history: StoredEvent[], types: string[]): string[] {
  return history.filter((event) => types.includes(event.type)).map((event) => event.eventId);
}
