import { type CallHandler, type ExecutionContext, HttpException, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, type Observable, throwError } from 'rxjs';
import type { RequestWithActor } from '../common/request-context';
import { AuditService } from './audit.service';
import { caseRouteOf } from './case-route';
import { InTransactionAudit } from './in-transaction-audit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records every request that reached a case handler, answered or refused
 * (404, 409, 412, 400 …), before the response leaves: an access that cannot be
 * audited is not answered. Refusals by the case-access guard never reach here;
 * that guard records its own.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const route = caseRouteOf(context);
    const req = context.switchToHttp().getRequest<RequestWithActor>();
    if (!route?.action || !req.actor) return next.handle();
    const { action } = route;
    const res = context.switchToHttp().getResponse<Response>();
    const inTransaction = new InTransactionAudit(this.audit, req, action, () => this.successStatus(context, req, res));
    req.inTransactionAudit = inTransaction;

    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        if (inTransaction.wasWritten) return value;
        await this.audit.record(req, { action, caseId: route.namesCase ? route.caseId : createdCaseId(value), outcome: this.successStatus(context, req, res) });
        return value;
      }),
      catchError((error: unknown) =>
        from(this.audit.record(req, { action, caseId: route.caseId, outcome: statusOf(error) })).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }

  // Nest applies @HttpCode after interceptors run, so read the declaration.
  private successStatus(context: ExecutionContext, req: Request, res: Response): number {
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    if (declared) return declared;
    if (res.statusCode !== 200) return res.statusCode;
    return req.method === 'POST' ? 201 : 200;
  }
}

/** Opening a case names the case only in its answer. */
function createdCaseId(value: unknown): string | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : null;
}

function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
