import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/request-context';

/**
 * The case a document route names must exist and be visible to the caller:
 * advocates see only the cases assigned to them, and any other case answers 404
 * exactly like a missing one, so ids cannot be probed.
 */
@Injectable()
export class CaseAccessService {
  constructor(private readonly dataSource: DataSource) {}

  async assertVisible(caseId: string, actor: Actor): Promise<void> {
    const rows: Array<{ assigned_advocate_id: string | null }> = await this.dataSource.query(
      `SELECT assigned_advocate_id FROM case_summaries WHERE case_id = $1`,
      [caseId],
    );
    const row = rows[0];
    if (!row || (actor.role === 'advocate' && row.assigned_advocate_id !== actor.id)) {
      throw new NotFoundException({ error: 'case-not-found', message: 'No such case' });
    }
  }
}
