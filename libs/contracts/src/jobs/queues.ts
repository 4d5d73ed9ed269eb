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

/** A job id derived from the event that caused it, so re-delivering the event enqueues nothing twice. */
export const jobIdFor = (queue: QueueName, eventId: string): string => `${queue}--${eventId}`;
