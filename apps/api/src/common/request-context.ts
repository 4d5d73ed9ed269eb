import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';

export type Role = 'coordinator' | 'advocate' | 'admin';

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
}

export interface RequestWithActor extends Request {
  actor?: Actor;
}

export function requestContextOf(req: RequestWithActor): RequestContext {
  const requestId = typeof (req as { id?: unknown }).id === 'string' ? String((req as { id?: unknown }).id) : randomUUID();
  const correlationHeader = req.headers['x-correlation-id'];
  return {
    actor: req.actor ?? { id: '00000000-0000-0000-0000-000000000000', role: 'coordinator' },
    requestId,
    correlationId: typeof correlationHeader === 'string' && /^[\w-]{1,64}$/.test(correlationHeader) ? correlationHeader : requestId,
    sourceAddress: req.ip ?? 'unknown',
  };
}

export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  requestContextOf(context.switchToHttp().getRequest<RequestWithActor>()),
);
