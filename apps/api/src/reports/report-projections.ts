import { reportCaseFactsProjection } from '@secondlook/case-application';
import type { Projection } from '@secondlook/event-store';

/**
 * The reports' read models, for the rebuild CLI's registry (`npm run projections:rebuild --
 * report_case_facts`). They run live in the worker, behind checkpointed consumers.
 */
export const reportProjections: readonly Projection[] = [reportCaseFactsProjection];
