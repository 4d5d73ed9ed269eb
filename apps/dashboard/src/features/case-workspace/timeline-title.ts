import type { CaseEventView } from '@secondlook/contracts';
import { EVENT_TYPE_LABELS } from '@secondlook/domain';
import { formatDateTime } from '../../lib/format';

const APPOINTMENT_EVENTS = new Set(['AppointmentScheduled', 'AppointmentRescheduled']);

/**
 * The api words each event once, for every reader, so an appointment's time arrives as an
 * ISO instant in UTC. The reader needs it in their own zone and locale: the one event whose
 * words depend on who reads them.
 */
export function timelineTitle(event: Pick<CaseEventView, 'type' | 'data' | 'description'>): string {
  const at = (event.data as { at?: unknown } | null)?.at;
  if (APPOINTMENT_EVENTS.has(event.type) && typeof at === 'string') {
    return `${EVENT_TYPE_LABELS[event.type as 'AppointmentScheduled']}: ${formatDateTime(at)}`;
  }
  return event.description;
}
