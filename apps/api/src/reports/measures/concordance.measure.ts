import { CONCORDANCE_LABELS, CONCORDANCES } from '@secondlook/domain';
import { count, type MeasureColumn, type MeasureDefinition, share } from './measure-definition.type';

// The decisions that can follow a second opinion, and the rest ("undecided" or none yet).
const FOLLOW_UPS = [
  { key: 'stayed', label: 'Stayed with the original plan', decision: 'stay-with-original' },
  { key: 'followedSecond', label: 'Followed the second opinion', decision: 'follow-second-opinion' },
  { key: 'soughtThird', label: 'Sought a third opinion', decision: 'seek-third-opinion' },
] as const;
const DECIDED = FOLLOW_UPS.map((followUp) => `'${followUp.decision}'`).join(', ');

const concordanceColumns: MeasureColumn[] = CONCORDANCES.flatMap((concordance) => [
  count(`concordance:${concordance}`, CONCORDANCE_LABELS[concordance], `count(*) FILTER (WHERE concordance = '${concordance}')`, { group: 'concordance' }),
  share(`concordance:${concordance}:share`, `${CONCORDANCE_LABELS[concordance]} (share)`, `concordance:${concordance}`, 'opinions', 'concordance'),
]);

const decisionColumns: MeasureColumn[] = [
  ...FOLLOW_UPS.flatMap((followUp) => [
    count(`decision:${followUp.key}`, followUp.label, `count(*) FILTER (WHERE concordance IS NOT NULL AND decision = '${followUp.decision}')`, { group: 'decision' }),
    share(`decision:${followUp.key}:share`, `${followUp.label} (share)`, `decision:${followUp.key}`, 'opinions', 'decision'),
  ]),
  count('decision:none', 'No decision yet', `count(*) FILTER (WHERE concordance IS NOT NULL AND (decision IS NULL OR decision NOT IN (${DECIDED})))`, { group: 'decision' }),
];

export const concordanceMeasure: MeasureDefinition = {
  measure: 'concordance',
  columns: [count('opinions', 'Second opinions received', 'count(concordance)'), ...concordanceColumns, ...decisionColumns],
  rowMargins: [
    { total: 'opinions', parts: CONCORDANCES.map((concordance) => `concordance:${concordance}`) },
    { total: 'opinions', parts: [...FOLLOW_UPS.map((followUp) => `decision:${followUp.key}`), 'decision:none'] },
  ],
  notes: ['Published series: Mayo Clinic (2017) found 12% confirmed, 66% refined and 21% distinctly different diagnoses.'],
};
