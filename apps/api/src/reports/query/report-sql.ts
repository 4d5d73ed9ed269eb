import { NOT_RECORDED_GROUP, type ReportGrouping } from '@secondlook/contracts';
import type { MeasureColumn, MeasureDefinition } from '../measures/measure-definition.type';

/**
 * The grouping expressions, one per allowed `groupBy`: request input only ever picks a key of
 * this map, and the period, clock and currency are bound parameters.
 */
const GROUP_SOURCES: Record<ReportGrouping, string> = {
  month: `SELECT to_char(base.opened_at AT TIME ZONE 'UTC', 'YYYY-MM')`,
  specialty: `SELECT base.specialty`,
  urgency: `SELECT base.urgency`,
  // Multi-valued: a case counts once in each of its groups (and once in the all-cases row).
  reason: `SELECT unnest(base.reasons)`,
  'race-ethnicity': `SELECT unnest(CASE WHEN cardinality(base.equity_race_ethnicity) > 0 THEN base.equity_race_ethnicity ELSE ARRAY['${NOT_RECORDED_GROUP}'] END)`,
  disability: `SELECT coalesce(base.equity_disability, '${NOT_RECORDED_GROUP}')`,
  lgbtqia: `SELECT coalesce(base.equity_lgbtqia, '${NOT_RECORDED_GROUP}')`,
  'socioeconomic-hardship': `SELECT coalesce(base.equity_socioeconomic_hardship, '${NOT_RECORDED_GROUP}')`,
};

/** Groupings in which every case falls in exactly one group, so the groups add up to the all-cases row. */
export const PARTITIONING_GROUPINGS: readonly ReportGrouping[] = ['month', 'specialty', 'urgency', 'disability', 'lgbtqia', 'socioeconomic-hardship'];

// Equity answers join only for cases whose consent is given now: a withdrawal takes the patient
// out of every demographic group at the projection's next event, and a rebuild agrees.
const BASE_CTES = `
  WITH params AS (
    SELECT $1::timestamptz AS from_at, $2::timestamptz AS to_at, $3::timestamptz AS as_of, $4::text AS report_currency
  ),
  base AS (
    SELECT f.case_id, f.opened_at, f.specialty, f.urgency, f.reasons, f.target_date, f.status, f.phase_seconds,
           f.opinion_received_at, f.concordance, f.decision, f.pre_auth_requested_at, f.pre_auth_decided_at,
           f.pre_auth_denied, f.pre_auth_appealed, f.records_requested_at, f.records_sent_at, f.coverage_checked_at,
           f.covers_second_opinions, f.provider_in_network, f.out_of_pocket_cents, f.travel_cost_cents, f.currency,
           f.dismissal_concerns, f.dismissal_addendum_requested, f.dismissal_added, f.dismissal_add_seconds,
           params.as_of, params.report_currency,
           e.race_ethnicity AS equity_race_ethnicity, e.disability AS equity_disability, e.lgbtqia AS equity_lgbtqia,
           e.socioeconomic_hardship AS equity_socioeconomic_hardship
      FROM report_case_facts f
     CROSS JOIN params
      LEFT JOIN patient_equity_profiles e ON e.patient_id = f.patient_id AND f.equity_consent = 'given'
     WHERE (params.from_at IS NULL OR f.opened_at >= params.from_at)
       AND (params.to_at IS NULL OR f.opened_at < params.to_at)
  )`;

const selectList = (columns: MeasureColumn[]): string =>
  columns.map((column) => ('sql' in column ? `${column.sql} AS "${column.key}"` : null)).filter((item): item is string => item !== null).join(',\n    ');

/** One row per group plus one with a NULL group for all cases, each column aliased by its key. */
export function caseLevelSql(definition: MeasureDefinition, groupBy: ReportGrouping): string {
  const columns = definition.columns.filter((column) => column.kind !== 'ratio' && !(column.kind === 'statistic' && column.fromValues));
  return `${BASE_CTES},
  grouped AS (SELECT base.*, g.grp FROM base CROSS JOIN LATERAL (${GROUP_SOURCES[groupBy]}) AS g(grp))
  SELECT grp, ${selectList(columns)} FROM grouped GROUP BY grp
  UNION ALL
  SELECT NULL, ${selectList(columns)} FROM base`;
}

/** Statistics over the elements of a per-case array (each concern added to the record), grouped as above. */
export function valueLevelSql(definition: MeasureDefinition, groupBy: ReportGrouping): string | undefined {
  const columns = definition.columns.filter((column) => column.kind === 'statistic' && column.fromValues);
  if (columns.length === 0 || !definition.valuesArray) return undefined;
  const array = definition.valuesArray;
  return `${BASE_CTES},
  grouped AS (SELECT base.*, g.grp FROM base CROSS JOIN LATERAL (${GROUP_SOURCES[groupBy]}) AS g(grp))
  SELECT grp, ${selectList(columns)} FROM grouped CROSS JOIN LATERAL unnest(grouped.${array}) AS v GROUP BY grp
  UNION ALL
  SELECT NULL, ${selectList(columns)} FROM base CROSS JOIN LATERAL unnest(base.${array}) AS v`;
}
