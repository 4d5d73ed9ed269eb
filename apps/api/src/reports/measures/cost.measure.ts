import { count, hiddenCount, type MeasureDefinition, median, p90, share } from './measure-definition.type';

const IN_CURRENCY = `coverage_checked_at IS NOT NULL AND currency = report_currency`;

export const costMeasure: MeasureDefinition = {
  measure: 'cost',
  columns: [
    count('cases', 'Cases opened', 'count(*)'),
    count('checked', 'Coverage checked', 'count(coverage_checked_at)'),
    count('estimated', 'Estimates in the report currency', `count(*) FILTER (WHERE ${IN_CURRENCY})`),
    hiddenCount('otherCurrency', `count(coverage_checked_at) - count(*) FILTER (WHERE ${IN_CURRENCY})`),
    { kind: 'statistic', unit: 'cents', key: 'medianOutOfPocket', label: 'Median out-of-pocket estimate', n: 'estimated', sql: median(`out_of_pocket_cents`) + ` FILTER (WHERE ${IN_CURRENCY})`, group: 'out-of-pocket' },
    { kind: 'statistic', unit: 'cents', key: 'p90OutOfPocket', label: '90th percentile out-of-pocket estimate', n: 'estimated', sql: p90(`out_of_pocket_cents`) + ` FILTER (WHERE ${IN_CURRENCY})`, group: 'out-of-pocket' },
    { kind: 'statistic', unit: 'cents', key: 'medianTravel', label: 'Median travel cost estimate', n: 'estimated', sql: median(`travel_cost_cents`) + ` FILTER (WHERE ${IN_CURRENCY})`, group: 'travel' },
    { kind: 'statistic', unit: 'cents', key: 'p90Travel', label: '90th percentile travel cost estimate', n: 'estimated', sql: p90(`travel_cost_cents`) + ` FILTER (WHERE ${IN_CURRENCY})`, group: 'travel' },
    count('notCovered', 'Second opinions not covered', 'count(*) FILTER (WHERE covers_second_opinions = false)'),
    hiddenCount('covered', 'count(*) FILTER (WHERE covers_second_opinions = true)'),
    share('notCoveredShare', 'Share not covered', 'notCovered', 'checked'),
    count('withProvider', 'Provider selected', 'count(provider_in_network)'),
    count('outOfNetwork', 'Out of network', 'count(*) FILTER (WHERE provider_in_network = false)'),
    hiddenCount('inNetwork', 'count(*) FILTER (WHERE provider_in_network = true)'),
    share('outOfNetworkShare', 'Share out of network', 'outOfNetwork', 'withProvider'),
  ],
  rowMargins: [
    { total: 'checked', parts: ['estimated', 'otherCurrency'] },
    { total: 'checked', parts: ['notCovered', 'covered'] },
    { total: 'withProvider', parts: ['outOfNetwork', 'inNetwork'] },
  ],
  notes: ['Estimates as recorded at the latest coverage check, in the report currency (other currencies are counted but not averaged).'],
};
