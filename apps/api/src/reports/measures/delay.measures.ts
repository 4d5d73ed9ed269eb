import { PHASE_LABELS, PHASES, type Phase } from '@secondlook/domain';
import { count, days, hiddenCount, type MeasureColumn, type MeasureDefinition, median, p90, share } from './measure-definition.type';

export const casesOpenedMeasure: MeasureDefinition = {
  measure: 'cases-opened',
  columns: [
    count('cases', 'Cases opened', 'count(*)'),
    count('open', 'Still open', `count(*) FILTER (WHERE status = 'open')`),
    count('ended', 'Closed or withdrawn', `count(*) FILTER (WHERE status <> 'open')`),
  ],
  rowMargins: [{ total: 'cases', parts: ['open', 'ended'] }],
  notes: [],
};

export const timeToOpinionMeasure: MeasureDefinition = {
  measure: 'time-to-opinion',
  columns: [
    count('cases', 'Cases opened', 'count(*)'),
    count('withOpinion', 'Second opinion received', 'count(opinion_received_at)'),
    hiddenCount('withoutOpinion', 'count(*) - count(opinion_received_at)'),
    { kind: 'statistic', unit: 'days', key: 'medianDays', label: 'Median days to opinion', n: 'withOpinion', sql: median(days('opinion_received_at - opened_at')) },
    { kind: 'statistic', unit: 'days', key: 'p90Days', label: '90th percentile days to opinion', n: 'withOpinion', sql: p90(days('opinion_received_at - opened_at')) },
  ],
  rowMargins: [{ total: 'cases', parts: ['withOpinion', 'withoutOpinion'] }],
  notes: ['Days from opening the case to receiving the second opinion (the first round\'s first opinion); cases still waiting are not in the median.'],
};

const MEASURED_PHASES = PHASES.filter((phase): phase is Exclude<Phase, 'closed'> => phase !== 'closed');

const phaseColumns = (phase: Exclude<Phase, 'closed'>): MeasureColumn[] => {
  // Phase names are code constants from the domain, never request input.
  const seconds = `(phase_seconds ->> '${phase}')::float8 / 86400.0`;
  const label = PHASE_LABELS[phase];
  return [
    count(`${phase}:n`, `${label}: cases that left it`, `count(*) FILTER (WHERE phase_seconds ->> '${phase}' IS NOT NULL)`, { group: phase }),
    { kind: 'statistic', unit: 'days', key: `${phase}:median`, label: `${label}: median days`, n: `${phase}:n`, sql: median(seconds), group: phase },
    { kind: 'statistic', unit: 'days', key: `${phase}:p90`, label: `${label}: 90th percentile days`, n: `${phase}:n`, sql: p90(seconds), group: phase },
  ];
};

export const phaseDurationsMeasure: MeasureDefinition = {
  measure: 'phase-durations',
  columns: [count('cases', 'Cases opened', 'count(*)'), ...MEASURED_PHASES.flatMap(phaseColumns)],
  rowMargins: [],
  notes: ['Days spent in each phase, over the stints that ended (time in the current phase is not yet counted); a case that returns to a phase adds the new stint.'],
};

export const preAuthMeasure: MeasureDefinition = {
  measure: 'pre-auth',
  columns: [
    count('cases', 'Cases opened', 'count(*)'),
    count('requested', 'Pre-authorization requested', 'count(pre_auth_requested_at)'),
    hiddenCount('notRequested', 'count(*) - count(pre_auth_requested_at)'),
    count('decided', 'Insurer decided', 'count(pre_auth_decided_at)'),
    hiddenCount('undecided', 'count(pre_auth_requested_at) - count(pre_auth_decided_at)'),
    { kind: 'statistic', unit: 'days', key: 'medianDays', label: 'Median days requested → decided', n: 'decided', sql: median(days('pre_auth_decided_at - pre_auth_requested_at')) },
    { kind: 'statistic', unit: 'days', key: 'p90Days', label: '90th percentile days requested → decided', n: 'decided', sql: p90(days('pre_auth_decided_at - pre_auth_requested_at')) },
    count('denied', 'Denied', 'count(*) FILTER (WHERE pre_auth_denied)'),
    hiddenCount('approvedFirst', 'count(pre_auth_decided_at) - count(*) FILTER (WHERE pre_auth_denied)'),
    share('deniedShare', 'Denial rate (of decided)', 'denied', 'decided'),
    count('appealed', 'Appealed', 'count(*) FILTER (WHERE pre_auth_appealed)'),
    hiddenCount('notAppealed', 'count(*) FILTER (WHERE pre_auth_denied) - count(*) FILTER (WHERE pre_auth_appealed)'),
    share('appealedShare', 'Appeal rate (of denied)', 'appealed', 'denied'),
  ],
  rowMargins: [
    { total: 'cases', parts: ['requested', 'notRequested'] },
    { total: 'requested', parts: ['decided', 'undecided'] },
    { total: 'decided', parts: ['denied', 'approvedFirst'] },
    { total: 'denied', parts: ['appealed', 'notAppealed'] },
  ],
  notes: ['From the first request to the insurer\'s first answer. CMS\'s rule from 2026 gives insurers 72 hours for expedited and 7 days for standard requests.'],
};

export const recordsMeasure: MeasureDefinition = {
  measure: 'records',
  columns: [
    count('cases', 'Cases opened', 'count(*)'),
    count('requested', 'Records requested', 'count(records_requested_at)'),
    hiddenCount('notRequested', 'count(*) - count(records_requested_at)'),
    count('sent', 'All records sent', 'count(records_sent_at)'),
    hiddenCount('notSent', 'count(records_requested_at) - count(records_sent_at)'),
    { kind: 'statistic', unit: 'days', key: 'medianDays', label: 'Median days requested → sent', n: 'sent', sql: median(days('records_sent_at - records_requested_at')) },
    { kind: 'statistic', unit: 'days', key: 'p90Days', label: '90th percentile days requested → sent', n: 'sent', sql: p90(days('records_sent_at - records_requested_at')) },
  ],
  rowMargins: [
    { total: 'cases', parts: ['requested', 'notRequested'] },
    { total: 'requested', parts: ['sent', 'notSent'] },
  ],
  notes: ['From the first records request to the moment the last of the round\'s requests was sent.'],
};

// An opinion received after the target day, or an open case still without one once the day is over.
const PAST_TARGET = `target_date IS NOT NULL AND coalesce(opinion_received_at, CASE WHEN status = 'open' THEN as_of END) >= ((target_date + 1)::timestamp AT TIME ZONE 'UTC')`;

export const pastTargetMeasure: MeasureDefinition = {
  measure: 'past-target',
  columns: [
    count('cases', 'Cases opened', 'count(*)'),
    count('pastTarget', 'Past their target date', `count(*) FILTER (WHERE ${PAST_TARGET})`),
    hiddenCount('notPastTarget', `count(*) - count(*) FILTER (WHERE ${PAST_TARGET})`),
    share('pastTargetShare', 'Share past target', 'pastTarget', 'cases'),
  ],
  rowMargins: [{ total: 'cases', parts: ['pastTarget', 'notPastTarget'] }],
  notes: ['A case is past its target when its opinion came after the target day, or it is still open without one after that day. Without an explicit target, the urgency\'s default applies (urgent: 14 days).'],
};
