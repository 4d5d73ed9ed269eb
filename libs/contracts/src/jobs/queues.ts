/**
 * Queue and job names are explicit strings, never class names: a rename in code
 * must not orphan jobs already waiting in Redis.
 */
export const QUEUES = {
  caseIntake: 'case-intake',
  recordsTransfer: 'records-transfer',
  followUps: 'follow-ups',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  prepareIntake: 'prepare-intake',
  transferRecords: 'transfer-records',
  preAuthFollowUp: 'pre-auth-follow-up',
  refreshRiskFlags: 'refresh-risk-flags',
} as const;

/** Every job carries the event that caused it and the request behind that, for tracing. */
export interface JobTrace {
  causationEventId: string;
  correlationId: string;
  requestId: string;
}

export interface PrepareIntakeJob extends JobTrace {
  caseId: string;
  urgency: string;
}

export interface TransferRecordsJob extends JobTrace {
  caseId: string;
  /** The records request (RecordsRequested.requestId); `requestId` is the HTTP request behind the job. */
  recordsRequestId: string;
}

/** Raises PreAuthFollowUpDue once the insurer's decision target has passed. */
export interface PreAuthFollowUpJob extends JobTrace {
  caseId: string;
}

/** Recomputes a case's time-based risk flags (e.g. urgent, not scheduled by its target date). */
export interface RefreshRiskFlagsJob extends JobTrace {
  caseId: string;
  reason: 'urgent-target-date';
}

export type FollowUpJob = PreAuthFollowUpJob | RefreshRiskFlagsJob;

/** A job id derived from the event that caused it, so re-delivering the event enqueues nothing twice. */
export const jobIdFor = (queue: QueueName, eventId: string): string => `${queue}--${eventId}`;

/** The worker's backoff strategy for records transfers: exponential, with jitter (see the processor). */
export const EXPONENTIAL_JITTER_BACKOFF = 'exponential-jitter';

/**
 * Options of every records-transfer job, whoever enqueues it (the process manager
 * or a staff retry), so both retry the same way. Failed jobs are kept: their
 * reason and attempts are what the dashboard shows.
 */
export const recordsTransferJobOptions = (jobId: string, attempts: number, backoffMs: number) => ({
  jobId,
  attempts,
  backoff: { type: EXPONENTIAL_JITTER_BACKOFF, delay: backoffMs },
  removeOnComplete: { age: 30 * 86_400 },
  removeOnFail: false,
});
