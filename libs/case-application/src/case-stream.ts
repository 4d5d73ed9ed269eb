import { type CaseState, foldCase, type RecordedCaseEvent } from '@secondlook/domain';
import type { StoredEvent } from '@secondlook/event-store';

const PREFIX = 'case-';

/** One stream per case: `case-<uuid>`. */
export const caseStreamId = (caseId: string): string => `${PREFIX}${caseId}`;
export const isCaseStream = (streamId: string): boolean => streamId.startsWith(PREFIX);
export const caseIdFromStream = (streamId: string): string => streamId.slice(PREFIX.length);

/** The store's event as the domain folds it: its type and data, stamped with when it happened. */
export const toRecordedCaseEvent = (event: StoredEvent): RecordedCaseEvent =>
  ({ type: event.type, data: event.data, occurredAt: event.metadata.occurredAt }) as RecordedCaseEvent;

export const foldStoredCase = (events: readonly StoredEvent[]): CaseState | undefined => foldCase(events.map(toRecordedCaseEvent));
