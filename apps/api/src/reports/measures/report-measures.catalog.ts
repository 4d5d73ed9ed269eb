import type { ReportMeasure } from '@secondlook/contracts';
import { concordanceMeasure } from './concordance.measure';
import { costMeasure } from './cost.measure';
import { casesOpenedMeasure, pastTargetMeasure, phaseDurationsMeasure, preAuthMeasure, recordsMeasure, timeToOpinionMeasure } from './delay.measures';
import { dismissalConcernsMeasure } from './dismissal-concerns.measure';
import type { MeasureDefinition } from './measure-definition.type';

export const MEASURE_DEFINITIONS: Record<ReportMeasure, MeasureDefinition> = {
  'cases-opened': casesOpenedMeasure,
  'time-to-opinion': timeToOpinionMeasure,
  'phase-durations': phaseDurationsMeasure,
  'pre-auth': preAuthMeasure,
  records: recordsMeasure,
  'past-target': pastTargetMeasure,
  cost: costMeasure,
  concordance: concordanceMeasure,
  'dismissal-concerns': dismissalConcernsMeasure,
};
