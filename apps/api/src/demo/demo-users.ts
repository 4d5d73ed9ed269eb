import { Injectable } from '@nestjs/common';
import type { Role } from '@secondlook/contracts';
import { UsersService } from '../users/users.service';

/** One password for every demo sign-in; demo data only, never a real deployment. */
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_USERS = {
  coordinator: { email: 'coordinator@demo.secondlook.test', name: 'Casey Coordinator', role: 'coordinator' },
  advocate: { email: 'advocate@demo.secondlook.test', name: 'Avery Advocate', role: 'advocate' },
  advocate2: { email: 'advocate2@demo.secondlook.test', name: 'Blair Advocate', role: 'advocate' },
  admin: { email: 'admin@demo.secondlook.test', name: 'Addison Admin', role: 'admin' },
} as const satisfies Record<string, { email: string; name: string; role: Role }>;

export type DemoUserKey = keyof typeof DEMO_USERS;

/** Creates the demo sign-ins (idempotently) and answers their ids, for the demo seeder. */
@Injectable()
export class DemoUsersSeeder {
  constructor(private readonly users: UsersService) {}

  async ensure(): Promise<Record<DemoUserKey, string>> {
    const ids = {} as Record<DemoUserKey, string>;
    for (const key of Object.keys(DEMO_USERS) as DemoUserKey[]) {
      ids[key] = (await this.users.ensure({ ...DEMO_USERS[key], password: DEMO_PASSWORD })).id;
    }
    return ids;
  }
}
