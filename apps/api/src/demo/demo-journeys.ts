import type { Faker } from '@faker-js/faker';
import type { CommandBodyName } from '@secondlook/contracts';
import type { CaseState } from '@secondlook/domain';

/** One step of a synthetic journey: a command and its body, given the case as it stands. */
export interface JourneyStep {
  name: CommandBodyName;
  body: (state: CaseState) => object | undefined;
  /** Days after the previous step. */
  afterDays: number;
}

const PROVIDERS = ['Lakeside Cancer Center', 'Northgate University Hospital', 'St. Brigid Medical Center', 'Harbor Heart Institute', 'Westfield Neurology Group'];
const CURRENT = ['Riverside General', 'Elm Street Family Practice', 'Cedar Valley Clinic', 'Mercy County Hospital'];
const iso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A realistic second-opinion journey, cut short at a random point so the demo
 * shows every phase: some cases stall at referral, pre-auth or records, some
 * carry dismissal concerns, a few end in conflicting opinions.
 */
export function demoJourney(faker: Faker, reasons: string[], openedAt: Date): JourneyStep[] {
  const provider = faker.helpers.arrayElement(PROVIDERS);
  const current = faker.helpers.arrayElement(CURRENT);
  const referralDeclined = faker.datatype.boolean(0.2);
  const preAuthDenied = faker.datatype.boolean(0.2);
  const transferFails = faker.datatype.boolean(0.15);
  const concordance = faker.helpers.weightedArrayElement([
    { value: 'confirms', weight: 12 },
    { value: 'refines', weight: 66 },
    { value: 'different-diagnosis', weight: 14 },
    { value: 'different-treatment', weight: 8 },
  ]);
  const steps: JourneyStep[] = [{ name: 'inform-current-doctor', body: () => ({ channel: 'letter' }), afterDays: 1 }];

  if (reasons.includes('felt-dismissed') || faker.datatype.boolean(0.15)) {
    steps.push({
      name: 'log-dismissal-concern',
      body: () => ({
        description: 'Symptoms were attributed to stress without an examination',
        occurredOn: iso(new Date(openedAt.getTime() - faker.number.int({ min: 5, max: 60 }) * 86_400_000)),
        patientRequestedRecordAddendum: faker.datatype.boolean(0.6),
      }),
      afterDays: 0,
    });
  }
  steps.push({ name: 'request-referral', body: () => ({ toProvider: provider }), afterDays: 1 });
  if (referralDeclined) {
    steps.push({ name: 'decline-referral', body: () => ({ reason: 'Current doctor sees no need for another opinion' }), afterDays: 3 });
    steps.push({ name: 'select-provider', body: () => ({ providerName: provider, inNetwork: faker.datatype.boolean(0.7), foundVia: 'insurer-directory' }), afterDays: 4 });
  } else {
    steps.push({ name: 'receive-referral', body: () => ({ reference: `REF-${faker.string.numeric(5)}` }), afterDays: 3 });
    steps.push({ name: 'select-provider', body: () => ({ providerName: provider, inNetwork: faker.datatype.boolean(0.85), foundVia: 'referral' }), afterDays: 1 });
  }
  const outOfPocket = faker.number.int({ min: 0, max: 300_000 });
  steps.push({
    name: 'check-coverage',
    body: () => ({
      coversSecondOpinions: faker.datatype.boolean(0.9),
      inNetworkOnly: faker.datatype.boolean(0.5),
      preAuthRequired: true,
      estimatedOutOfPocketCents: outOfPocket,
      estimatedTravelCostCents: faker.number.int({ min: 0, max: 80_000 }),
      currency: 'USD',
      costConcern: outOfPocket > 225_000,
    }),
    afterDays: 2,
  });
  steps.push({ name: 'request-pre-auth', body: () => ({ expedited: false, insurerReference: `PA-${faker.string.numeric(6)}` }), afterDays: 1 });
  steps.push({ name: 'mark-pre-auth-pending', body: () => ({}), afterDays: 1 });
  if (preAuthDenied) {
    steps.push({ name: 'deny-pre-auth', body: () => ({ reason: 'Not medically necessary per plan policy' }), afterDays: 6 });
    steps.push({ name: 'appeal-pre-auth', body: () => ({ grounds: 'Treating specialist letter and imaging attached' }), afterDays: 3 });
  }
  steps.push({ name: 'approve-pre-auth', body: () => ({ authorizationNumber: `AUTH-${faker.string.numeric(6)}` }), afterDays: 5 });
  steps.push({
    name: 'request-records',
    body: () => ({
      fromProvider: current,
      toProvider: provider,
      documents: faker.helpers
        .arrayElements(['full-referring-record', 'pathology-reports', 'pathology-slides', 'imaging-files', 'operative-notes', 'medication-list', 'recent-test-results', 'illness-timeline'], { min: 3, max: 6 })
        .map((kind) => ({ kind, description: kind.replace(/-/g, ' ') })),
    }),
    afterDays: 1,
  });
  const lastRequest = (state: CaseState) => state.records[state.records.length - 1]?.requestId;
  steps.push({ name: 'start-records-transfer', body: (state) => ({ requestId: lastRequest(state) }), afterDays: 1 });
  if (transferFails) {
    steps.push({ name: 'record-records-transfer-failed', body: (state) => ({ requestId: lastRequest(state), reason: 'Destination answered 503 Service Unavailable', attempts: 5 }), afterDays: 1 });
    return steps;
  }
  steps.push({ name: 'record-records-sent', body: (state) => ({ requestId: lastRequest(state), receipt: `Bundle/${faker.string.numeric(6)}` }), afterDays: 2 });
  steps.push({ name: 'record-desired-outcome', body: () => ({ text: 'A clear diagnosis and a treatment plan I understand' }), afterDays: 1 });
  steps.push({ name: 'add-question', body: () => ({ text: 'Are there less invasive options?' }), afterDays: 0 });
  steps.push({ name: 'schedule-appointment', body: (state) => ({ at: new Date(new Date(state.lastEventAt).getTime() + 7 * 86_400_000).toISOString(), mode: faker.helpers.arrayElement(['in-person', 'video']) }), afterDays: 1 });
  steps.push({ name: 'complete-appointment', body: () => ({}), afterDays: 8 });
  steps.push({ name: 'record-opinion', body: () => ({ concordance, summary: 'Written opinion received from the reviewing specialist' }), afterDays: 4 });
  steps.push({
    name: 'record-decision',
    body: () => ({ decision: concordance === 'confirms' ? 'stay-with-original' : faker.helpers.arrayElement(['follow-second-opinion', 'stay-with-original']) }),
    afterDays: 5,
  });
  steps.push({ name: 'close-case', body: () => ({ outcome: 'opinion-delivered' }), afterDays: 2 });
  return steps;
}
