import { ForbiddenException } from '@nestjs/common';
import { isDemographicGrouping, REPORT_ERRORS, type ReportGrouping } from '@secondlook/contracts';
import type { Actor } from '../common/request-context';

/**
 * Admins read every report; coordinators the operational groupings only, because equity
 * answers are for admins alone (minimum necessary); advocates work their own cases, not reports.
 * Checked here as well as by @Roles, since the rule depends on the query, not just the route.
 */
export function assertMayReadReport(actor: Actor, groupBy: ReportGrouping): void {
  if (actor.role === 'admin') return;
  if (actor.role !== 'coordinator') throw new ForbiddenException({ error: 'forbidden', message: 'Reports are for coordinators and admins' });
  if (isDemographicGrouping(groupBy)) {
    throw new ForbiddenException({ error: REPORT_ERRORS.demographicAdminOnly, message: 'Reports by equity group are for admins only' });
  }
}
