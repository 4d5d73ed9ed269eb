import { type CaseCommand, type CaseEvent, decide, EVENT_SCHEMA_VERSIONS } from '@secondlook/domain';
import { ConcurrencyError, type EventStore, type NewEvent, type StoredEvent } from '@secondlook/event-store';
import { randomUUID } from 'node:crypto';
import { CaseCommandRefusedError, CaseNotFoundError, StaleCaseVersionError } from './case-command.errors';
import { loadCurrentCase, replayCase } from './case-snapshot';
import { caseStreamId } from './case-stream';

/** Who is acting and on behalf of which request; stamped on every event. */
export interface CommandContext {
  actor: { id: string; role: string };
  requestId: string;
  correlationId: string;
  /** The event or request that caused this command (defaults to the request id). */
  causationId?: string;
}

export interface ExecuteOptions {
  /** The version the caller saw (If-Match). A mismatch is a StaleCaseVersionError, never a retry. */
  expectedVersion?: number;
  idempotencyKey?: string;
  /** Extra writes that must commit with the events (see AppendOptions.beforeCommit). */
  beforeCommit?: Parameters<EventStore['append']>[2]['beforeCommit'];
  /** Clock, for tests and replays. */
  now?: () => Date;
}

export interface CaseCommandResult {
  id: string;
  version: number;
  events: StoredEvent[];
  /** True when an idempotency key matched an earlier append: nothing new was written. */
  replayed: boolean;
}

// Without If-Match the caller asked for "apply to the latest": a concurrent writer
// only means we decide again on the newer state. Bounded, so a hot case cannot spin,
// with a growing random pause so racing writers stop colliding in lockstep.
const MAX_ATTEMPTS = 10;
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));

/**
 * The command path shared by the api and the worker: load the case's state (its
 * snapshot, else its folded stream), let the domain decide, append with the
 * version it decided on.
 */
export async function executeCaseCommand(
  store: EventStore,
  caseId: string,
  command: CaseCommand,
  context: CommandContext,
  options: ExecuteOptions = {},
): Promise<CaseCommandResult> {
  const streamId = caseStreamId(caseId);
  if (options.idempotencyKey) {
    const earlier = await store.findIdempotentAppend(streamId, options.idempotencyKey);
    if (earlier) return { id: caseId, version: earlier.streamVersion, events: earlier.events, replayed: true };
  }

  for (let attempt = 1; ; attempt++) {
    // A retry reads the stream itself: should the snapshot ever lag the log, the case still moves.
    const fromStream = command.type === 'open-case' || attempt > 1;
    const { state, version } = fromStream ? await replayCase(store, caseId) : await loadCurrentCase(store, caseId);
    if (command.type !== 'open-case' && !state) throw new CaseNotFoundError(caseId);
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      throw new StaleCaseVersionError(options.expectedVersion, version);
    }

    const now = options.now?.() ?? new Date();
    const decision = decide(state, command, { now, newId: randomUUID });
    if (!decision.ok) throw new CaseCommandRefusedError(decision.refusal);

    try {
      const result = await store.append(streamId, toNewEvents(decision.events, context, now), {
        expectedVersion: version,
        idempotencyKey: options.idempotencyKey,
        beforeCommit: options.beforeCommit,
        snapshot: state && { version, state },
      });
      return { id: caseId, version: result.streamVersion, events: result.events, replayed: result.replayed };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (options.expectedVersion !== undefined) throw new StaleCaseVersionError(options.expectedVersion, error.actualVersion);
      if (attempt >= MAX_ATTEMPTS) throw error;
      await backoff(attempt);
    }
  }
}

/** Wraps the domain's decided events with who, when and why. */
export function toNewEvents(events: CaseEvent[], context: CommandContext, now: Date): NewEvent[] {
  return events.map((event) => ({
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: EVENT_SCHEMA_VERSIONS[event.type],
    data: event.data,
    metadata: {
      actorId: context.actor.id,
      actorRole: context.actor.role,
      requestId: context.requestId,
      correlationId: context.correlationId,
      causationId: context.causationId ?? context.requestId,
      occurredAt: now.toISOString(),
    },
  }));
}
