import { faker } from '@faker-js/faker';
import { CaseSummaryProjection, toNewEvents } from '@secondlook/case-application';
import { parseCommand } from '@secondlook/contracts';
import { type CaseCommand, type CaseEvent, type CaseState, decide, evolve, OPENING_REASONS, URGENCIES } from '@secondlook/domain';
import { EventStore } from '@secondlook/event-store';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { demoJourney } from '../../../apps/api/src/demo/demo-journeys';
import { PatientDirectory } from '../../../apps/api/src/patients/patient-directory';

const DAY = 86_400_000;
const SPECIALTIES = ['Oncology', 'Cardiology', 'Neurology', 'Rheumatology', 'Orthopedics', 'Gastroenterology'];

/**
 * Loads synthetic cases fast for benchmarks: each case's whole journey is decided
 * in memory by the real domain rules, then appended as one stream in one
 * transaction through the real EventStore and inline projection.
 */
export async function bulkLoadCases(dataSource: DataSource, cases: number, concurrency: number, onProgress: (done: number, events: number) => void): Promise<{ caseIds: string[]; events: number }> {
  faker.seed(7);
  const store = new EventStore(dataSource, { inlineProjections: [new CaseSummaryProjection()] });
  const patients = new PatientDirectory();
  const context = { actor: { id: randomUUID(), role: 'coordinator' }, requestId: 'bench-load', correlationId: 'bench-load' };
  const caseIds: string[] = [];
  let events = 0;
  let next = 0;

  const loadOne = async (): Promise<void> => {
    const caseId = randomUUID();
    const patientId = randomUUID();
    const reasons = faker.helpers.arrayElements([...OPENING_REASONS], { min: 1, max: 3 });
    let at = Date.now() - faker.number.int({ min: 1, max: 150 }) * DAY;
    let state: CaseState | undefined;
    const history: Array<{ event: CaseEvent; at: number }> = [];
    const apply = (command: CaseCommand) => {
      const decision = decide(state, command, { now: new Date(at), newId: randomUUID });
      if (!decision.ok) throw new Error(`bench journey refused ${command.type}: ${decision.refusal.code}`);
      for (const event of decision.events) {
        state = evolve(state, { ...event, occurredAt: new Date(at).toISOString() });
        history.push({ event, at });
      }
    };
    apply({ type: 'open-case', patientId, reasons, urgency: faker.helpers.arrayElement(URGENCIES), specialty: faker.helpers.arrayElement(SPECIALTIES) });
    const journey = demoJourney(faker, reasons, new Date(at));
    for (const step of journey.slice(0, faker.number.int({ min: 4, max: journey.length }))) {
      at += step.afterDays * DAY + 3_600_000;
      if (at > Date.now() || !state) break;
      const parsed = parseCommand(step.name, step.body(state));
      if (!parsed.ok) throw new Error(`bench journey built an invalid ${step.name}`);
      apply(parsed.command as CaseCommand);
    }
    const newEvents = history.flatMap(({ event, at: when }) => toNewEvents([event], context, new Date(when)));
    await store.append(`case-${caseId}`, newEvents, {
      expectedVersion: 0,
      beforeCommit: (tx) => patients.register(tx, patientId, { firstName: faker.person.firstName(), lastName: faker.person.lastName(), dateOfBirth: '1970-01-01', mrn: faker.string.numeric(8) }),
    });
    caseIds.push(caseId);
    events += newEvents.length;
  };

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases) {
        next++;
        await loadOne();
        if (caseIds.length % 2000 === 0) onProgress(caseIds.length, events);
      }
    }),
  );
  return { caseIds, events };
}
