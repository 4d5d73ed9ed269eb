import {
  NOT_RECORDED_GROUP,
  RACE_ETHNICITY_CODES,
  RACE_ETHNICITY_LABELS,
  type ReportGrouping,
  SELF_IDENTIFICATION_ANSWER_LABELS,
  SELF_IDENTIFICATION_ANSWERS,
} from '@secondlook/contracts';
import { OPENING_REASON_LABELS, OPENING_REASONS, URGENCIES, URGENCY_LABELS } from '@secondlook/domain';

const NOT_RECORDED_LABEL = 'Not recorded or no consent';

/** Fixed orders for coded groupings; others sort by label. "Not recorded" always comes last. */
const CODE_ORDERS: Partial<Record<ReportGrouping, readonly string[]>> = {
  reason: OPENING_REASONS,
  urgency: URGENCIES,
  'race-ethnicity': RACE_ETHNICITY_CODES,
  disability: SELF_IDENTIFICATION_ANSWERS,
  lgbtqia: SELF_IDENTIFICATION_ANSWERS,
  'socioeconomic-hardship': SELF_IDENTIFICATION_ANSWERS,
};

export function groupLabel(groupBy: ReportGrouping, key: string): string {
  if (key === NOT_RECORDED_GROUP) return NOT_RECORDED_LABEL;
  switch (groupBy) {
    case 'reason':
      return OPENING_REASON_LABELS[key as keyof typeof OPENING_REASON_LABELS] ?? key;
    case 'urgency':
      return URGENCY_LABELS[key as keyof typeof URGENCY_LABELS] ?? key;
    case 'race-ethnicity':
      return RACE_ETHNICITY_LABELS[key as keyof typeof RACE_ETHNICITY_LABELS] ?? key;
    case 'disability':
    case 'lgbtqia':
    case 'socioeconomic-hardship':
      return SELF_IDENTIFICATION_ANSWER_LABELS[key as keyof typeof SELF_IDENTIFICATION_ANSWER_LABELS] ?? key;
    case 'month':
    case 'specialty':
      return key;
  }
}

export function compareGroups(groupBy: ReportGrouping, a: string, b: string): number {
  if (a === NOT_RECORDED_GROUP || b === NOT_RECORDED_GROUP) return a === b ? 0 : a === NOT_RECORDED_GROUP ? 1 : -1;
  const order = CODE_ORDERS[groupBy];
  if (order) return order.indexOf(a) - order.indexOf(b);
  return groupLabel(groupBy, a).localeCompare(groupLabel(groupBy, b));
}
