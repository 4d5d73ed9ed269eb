import { SetMetadata } from '@nestjs/common';
import type { Role } from '@secondlook/contracts';

export const ROLES_KEY = 'secondlook:roles';

/** Only these roles may call the route (403 for the others). Without it, any signed-in user may. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
