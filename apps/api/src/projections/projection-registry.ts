import type { Projection } from '@secondlook/event-store';
import { CaseSummaryProjection } from '@secondlook/case-application';
import { reportProjections } from '../reports/report-projections';

/**
 * Every read model the log feeds, for `npm run projections:rebuild -- <name>`:
 * the worklist (inline with each append) and the reports (async, in the worker).
 */
export const projections: readonly Projection[] = [new CaseSummaryProjection(), ...reportProjections];
