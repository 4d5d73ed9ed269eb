import { Global, Module } from '@nestjs/common';
import { ActiveActorCache } from '../auth/active-actor-cache';
import { DemoUsersSeeder } from '../demo/demo-users';
import { AdminBootstrap } from './admin-bootstrap.service';
import { PasswordHasher } from './password-hasher.service';
import { StaffController } from './staff.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

// Global because the auth guard (every request) and the demo seeder (in the
// cases module) both need the users, and neither should import the other's module.
@Global()
@Module({
  controllers: [UsersController, StaffController],
  // The session-check cache lives here, beside the user changes that invalidate it, and is
  // exported (globally) to the auth guard's SessionsService.
  providers: [UsersService, PasswordHasher, AdminBootstrap, DemoUsersSeeder, ActiveActorCache],
  exports: [UsersService, PasswordHasher, DemoUsersSeeder, ActiveActorCache],
})
export class UsersModule {}
