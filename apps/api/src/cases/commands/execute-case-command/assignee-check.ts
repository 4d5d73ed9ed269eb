import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { CaseCommand } from '@secondlook/domain';
import { DataSource } from 'typeorm';

const ASSIGNMENTS = {
  'assign-advocate': { role: 'advocate', field: 'advocateId' },
  'assign-coordinator': { role: 'coordinator', field: 'coordinatorId' },
} as const;

/**
 * The domain cannot know who works here: an assignment must name an active user
 * with the right role, or the case would vanish from everyone's "my cases".
 */
@Injectable()
export class AssigneeCheck {
  constructor(private readonly dataSource: DataSource) {}

  async assertAssignable(command: CaseCommand): Promise<void> {
    if (command.type !== 'assign-advocate' && command.type !== 'assign-coordinator') return;
    const { role, field } = ASSIGNMENTS[command.type];
    const userId = command.type === 'assign-advocate' ? command.advocateId : command.coordinatorId;
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1 AND role = $2 AND disabled_at IS NULL`, [userId, role]);
    if (rows.length === 0) {
      throw new UnprocessableEntityException({
        error: `not-an-active-${role}`,
        message: `${field} must name an active ${role}`,
        details: [{ field, problem: `is not an active ${role}` }],
      });
    }
  }
}
