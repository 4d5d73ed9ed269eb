import { z } from 'zod';

export const REPORT_MEASURES = [
  'cases-opened',
  'time-to-opinion',
  'phase-durations',
  'pre-auth',
  'records',
  'past-target',
  'cost',
  'concordance',
  'dismissal-concerns',
] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

export const REPORT_MEASURE_LABELS: Record<ReportMeasure, string> = {
  'cases-opened': 'Cases opened',
  'time-to-opinion': 'Time to second opinion',
  'phase-durations': 'Time in each phase',
  'pre-auth': 'Prior authorization',
  records: 'Records transfer',
  'past-target': 'Cases past their target date',
  cost: 'Cost and coverage',
  concordance: 'What the second opinion said, and what followed',
  'dismissal-concerns': 'Dismissal concerns',
};

export const NON_DEMOGRAPHIC_GROUPINGS = ['month', 'specialty', 'reason', 'urgency'] as const;
/** Groupings by self-identified equity answers: admins only, and only for patients who consented. */
export const DEMOGRAPHIC_GROUPINGS = ['race-ethnicity', 'disability', 'lgbtqia', 'socioeconomic-hardship'] as const;
export const REPORT_GROUPINGS = [...NON_DEMOGRAPHIC_GROUPINGS, ...DEMOGRAPHIC_GROUPINGS] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];
export type DemographicGrouping = (typeof DEMOGRAPHIC_GROUPINGS)[number];

export const isDemographicGrouping = (grouping: ReportGrouping): grouping is DemographicGrouping =>
  (DEMOGRAPHIC_GROUPINGS as readonly string[]).includes(grouping);

export const REPORT_GROUPING_LABELS: Record<ReportGrouping, string> = {
  month: 'Month opened',
  specialty: 'Specialty',
  reason: 'Reason for seeking a second opinion',
  urgency: 'Urgency',
  'race-ethnicity': 'Race and ethnicity',
  disability: 'Disability',
  lgbtqia: 'LGBTQIA+',
  'socioeconomic-hardship': 'Socioeconomic hardship',
};

/** The group of cases whose patient gave no answer, or no consent to use one. */
export const NOT_RECORDED_GROUP = 'not-recorded';
export const TOTAL_ROW_KEY = 'all';

const isoDate = z.iso.date();

/** `GET /api/reports/:measure`: the period is the month (or day range) the cases were opened in. */
export const reportQuerySchema = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    groupBy: z.enum(REPORT_GROUPINGS).default('month'),
    format: z.enum(['json', 'csv']).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'must not be after to', path: ['from'] });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const REPORT_UNITS = ['count', 'days', 'cents', 'percent', 'per-100'] as const;
export type ReportUnit = (typeof REPORT_UNITS)[number];

/**
 * Why a cell shows no number. `small-count`: a count of 1 to 10 (CMS cell-size rule).
 * `complementary`: a cell from which a small count could be worked out (by subtraction from a
 * total). `small-group`: a median or percentile over fewer than 11 cases. `derived`: a share or
 * rate whose numerator or denominator is suppressed.
 */
export const SUPPRESSION_REASONS = ['small-count', 'complementary', 'small-group', 'derived'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** What a small or derivable count shows instead of its number. */
export const SMALL_CELL_DISPLAY = '<11';

export interface ReportCell {
  /** Never present when suppressed: a suppressed number does not leave the server. */
  value: number | null;
  /** The text to show, identical in JSON, CSV and the dashboard ("<11", "—", "12.5"). */
  display: string;
  suppressed: SuppressionReason | null;
}

export interface ReportColumn {
  key: string;
  label: string;
  unit: ReportUnit;
  /** Columns that belong together in the dashboard (one phase, one chart). */
  group?: string;
}

export interface ReportRow {
  key: string;
  label: string;
  isTotal: boolean;
  cells: Record<string, ReportCell>;
}

export interface ReportTable {
  measure: ReportMeasure;
  title: string;
  groupBy: ReportGrouping;
  from: string | null;
  to: string | null;
  columns: ReportColumn[];
  rows: ReportRow[];
  notes: string[];
}

export const REPORT_ERRORS = {
  demographicAdminOnly: 'demographic-report-admin-only',
  unknownMeasure: 'unknown-report',
} as const;
