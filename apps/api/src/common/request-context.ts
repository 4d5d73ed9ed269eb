import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@secondlook/contracts';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import type { InTransactionAudit } from '../audit/in-transaction-audit';

export type { Role };

export interface Actor {
  id: string;
  role: Role;
}

/** Who is asking and which request this is: stamped on every event and audit row. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  correlationId: string;
  sourceAddress: string;
  /** Set on audited case routes: lets a write commit its audit row in its own transaction. */
  audit?: InTransactionAudit;
}

export interface RequestWithActor extends Request {
  actor?: Actor;
  inTransactionAudit?: InTransactionAudit;
}

export function requestContextOf(req: RequestWithActor): RequestContext {
  // The global auth guard sets the actor on every non-public route; reading the
  // context of a request without one is a bug (a @Public() route asking who called).
  if (!req.actor) throw new Error('No authenticated actor on this request: is the route @Public()?');
  const requestId = typeof (req as { id?: unknown }).id === 'string' ? String((req as { id?: unknown }).id) : randomUUID();
  const correlationHeader = req.headers['x-correlation-id'];
  return {
    actor: req.actor,
    requestId,
    correlationId: typeof correlationHeader === 'string' && /^[\w-]{1,64}$/.test(correlationHeader) ? correlationHeader : requestId,
    sourceAddress: req.ip ?? 'unknown',
    audit: req.inTransactionAudit,
  };
}

export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  requestContextOf(context.switchToHttp().getRequest<RequestWithActor>()),
);
