import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import type { AuditService } from './audit.service';

/**
 * The audit row of a successful case write, offered to the write's own transaction.
 * A command then costs one commit instead of two, and its audit row can never be
 * missing while its events exist (nor the reverse). The interceptor writes the row
 * itself when the handler never used this: refusals, replays, reads.
 */
export class InTransactionAudit {
  private written = false;

  constructor(
    private readonly audit: AuditService,
    private readonly req: Request,
    private readonly action: string,
    private readonly successStatus: () => number,
  ) {}

  /** Call as the last step before COMMIT; `caseId` is the case written (known only then for a new case). */
  async writeWithin(tx: EntityManager, caseId: string): Promise<void> {
    await this.audit.recordWith(tx, this.req, { action: this.action, caseId, outcome: this.successStatus() });
    this.written = true;
  }

  get wasWritten(): boolean {
    return this.written;
  }
}
