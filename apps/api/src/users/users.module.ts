import { Global, Module } from '@nestjs/common';
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
  providers: [UsersService, PasswordHasher, AdminBootstrap, DemoUsersSeeder],
  exports: [UsersService, PasswordHasher, DemoUsersSeeder],
})
export class UsersModule {}
