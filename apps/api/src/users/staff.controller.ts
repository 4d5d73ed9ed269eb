import { Controller, Get } from '@nestjs/common';
import type { StaffList } from '@secondlook/contracts';
import { Roles } from '../auth/roles.decorator';
import { UsersService } from './users.service';

/**
 * The active people cases are assigned to, so coordinators can pick an advocate
 * and timelines can show names. Only id, name and role: no emails or status.
 */
@Controller('staff')
@Roles('coordinator', 'advocate', 'admin')
export class StaffController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(): Promise<StaffList> {
    const users = await this.users.list();
    return {
      items: users
        .filter((user) => !user.disabledAt && (user.role === 'coordinator' || user.role === 'advocate'))
        .map((user) => ({ id: user.id, name: user.name, role: user.role as 'coordinator' | 'advocate' })),
    };
  }
}
