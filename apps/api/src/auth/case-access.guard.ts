import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { caseRouteOf } from '../audit/case-route';
import type { RequestWithActor } from '../common/request-context';
import { authenticationRequired } from './auth-errors';

/**
 * Global: the access rules for every route under /api/cases, kept out of the
 * case controllers so no route can forget them.
 * - admins: 403 (minimum necessary: they run the system, not the cases);
 * - advocates: a route naming a case answers 404, exactly like a missing case,
 *   unless the case is assigned to them (the list filters by itself);
 * - coordinators: every case.
 * Its refusals are audited here, since the audit interceptor never sees them.
 */
@Injectable()
export class CaseAccessGuard implements CanActivate {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = caseRouteOf(context);
    if (!route) return true;
    const req = context.switchToHttp().getRequest<RequestWithActor>();
    const actor = req.actor;
    if (!actor) throw authenticationRequired();

    if (actor.role === 'admin') {
      await this.refuse(req, route.action, route.caseId, 403);
      throw new ForbiddenException({ error: 'forbidden-for-role', message: 'Admins manage users and the audit trail; case data is for coordinators and advocates' });
    }
    if (actor.role === 'advocate' && route.namesCase && !(route.caseId && (await this.isAssigned(route.caseId, actor.id)))) {
      await this.refuse(req, route.action, route.caseId, 404);
      throw new NotFoundException({ error: 'case-not-found', message: 'No such case' });
    }
    return true;
  }

  private async isAssigned(caseId: string, advocateId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM case_summaries WHERE case_id = $1 AND assigned_advocate_id = $2`, [caseId, advocateId]);
    return rows.length > 0;
  }

  private async refuse(req: RequestWithActor, action: string | null, caseId: string | null, outcome: number): Promise<void> {
    if (action) await this.audit.record(req, { action, caseId, outcome });
  }
}
