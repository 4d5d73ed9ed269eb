import { count, hiddenCount, type MeasureDefinition, median, p90 } from './measure-definition.type';

export const dismissalConcernsMeasure: MeasureDefinition = {
  measure: 'dismissal-concerns',
  columns: [
    count('cases', 'Cases opened', 'count(*)'),
    count('concerns', 'Dismissal concerns logged', 'coalesce(sum(dismissal_concerns), 0)'),
    { kind: 'ratio', unit: 'per-100', key: 'per100Cases', label: 'Concerns per 100 cases', numerator: 'concerns', denominator: 'cases' },
    count('addendumRequested', 'Patient asked to add it to the record', 'coalesce(sum(dismissal_addendum_requested), 0)'),
    hiddenCount('noAddendum', 'coalesce(sum(dismissal_concerns), 0) - coalesce(sum(dismissal_addendum_requested), 0)'),
    count('added', 'Added to the record', 'coalesce(sum(dismissal_added), 0)'),
    hiddenCount('notAdded', 'coalesce(sum(dismissal_addendum_requested), 0) - coalesce(sum(dismissal_added), 0)'),
    { kind: 'ratio', unit: 'percent', key: 'addedShare', label: 'Share added (of those asked)', numerator: 'added', denominator: 'addendumRequested' },
    { kind: 'statistic', unit: 'days', key: 'medianDaysToAdd', label: 'Median days to add', n: 'added', sql: median('v / 86400.0'), fromValues: true },
    { kind: 'statistic', unit: 'days', key: 'p90DaysToAdd', label: '90th percentile days to add', n: 'added', sql: p90('v / 86400.0'), fromValues: true },
  ],
  rowMargins: [
    { total: 'concerns', parts: ['addendumRequested', 'noAddendum'] },
    { total: 'addendumRequested', parts: ['added', 'notAdded'] },
  ],
  valuesArray: 'dismissal_add_seconds',
  notes: [
    'Counts are of concerns, several per case possible. HIPAA (45 CFR 164.526) gives the provider 60 days to act on a request to amend the record.',
  ],
};
