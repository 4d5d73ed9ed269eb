import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@secondlook/contracts';
import type { RequestWithActor } from '../common/request-context';
import { ROLES_KEY } from './roles.decorator';

/** Global: enforces @Roles(...). Runs after authentication, so an actor is present. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
    if (actor && roles.includes(actor.role)) return true;
    throw new ForbiddenException({ error: 'forbidden-for-role', message: 'Your role does not allow this' });
  }
}
