import type { Provider } from '@nestjs/common';
import { reportCaseFactsProjection } from '@secondlook/case-application';
import { type Consumer, projectionConsumer } from '@secondlook/event-store';

export const REPORT_CASE_FACTS_CONSUMER = Symbol('REPORT_CASE_FACTS_CONSUMER');

/**
 * The reports' async projection, behind a checkpointed consumer named after it
 * (`projection:report_case_facts`), so a rebuild's swap hands this consumer its new position.
 */
export const reportCaseFactsConsumerProvider: Provider<Consumer> = {
  provide: REPORT_CASE_FACTS_CONSUMER,
  useFactory: (): Consumer => projectionConsumer(reportCaseFactsProjection),
};
