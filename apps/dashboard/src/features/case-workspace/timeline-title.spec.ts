import { formatDateTime } from '../../lib/format';
import { timelineTitle } from './timeline-title';

describe('timelineTitle', () => {
  it('shows an appointment in the reader’s locale and zone, not as the ISO instant the api stored', () => {
    const at = '2026-12-03T15:30:00.000Z';
    const title = timelineTitle({ type: 'AppointmentScheduled', data: { at, provider: 'Lakeside' }, description: `Appointment scheduled: ${at}` });
    expect(title).toBe(`Appointment scheduled: ${formatDateTime(at)}`);
    expect(title).not.toContain('T15:30');
  });

  it('keeps the api’s words for every other event', () => {
    expect(timelineTitle({ type: 'NoteAdded', data: { text: 'x' }, description: 'Note added' })).toBe('Note added');
  });
});
