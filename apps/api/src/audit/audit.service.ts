import { Injectable } from '@nestjs/common';
import type { AuditEntry, AuditPage, AuditQuery } from '@secondlook/contracts';
import type { Request } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestWithActor } from '../common/request-context';

export interface AuditRecord {
  action: string;
  caseId: string | null;
  outcome: number;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string;
  actor_role: AuditEntry['actorRole'];
  actor_email: string | null;
  action: string;
  case_id: string | null;
  request_id: string;
  source_address: string;
  outcome: number;
}

/** Writes and reads the audit trail. Rows carry ids, action names and status codes only: never patient data. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(req: Request, record: AuditRecord): Promise<void> {
    await this.recordWith(this.dataSource.manager, req, record);
  }

  /** The same row, written by a caller's transaction so it commits (or not) with the write it audits. */
  async recordWith(manager: EntityManager, req: Request, record: AuditRecord): Promise<void> {
    const actor = (req as RequestWithActor).actor;
    if (!actor) return;
    const requestId = (req as Request & { id?: unknown }).id;
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, case_id, request_id, source_address, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.id, actor.role, record.action, record.caseId, typeof requestId === 'string' ? requestId : String(requestId ?? ''), req.ip ?? 'unknown', record.outcome],
    );
  }

  /** Newest first, keyset-paginated on the id so deep pages cost the same as the first. */
  async query(params: AuditQuery): Promise<AuditPage> {
    const values: unknown[] = [];
    const bind = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };
    const where: string[] = [];
    if (params.caseId) where.push(`a.case_id = ${bind(params.caseId)}`);
    if (params.actorId) where.push(`a.actor_id = ${bind(params.actorId)}`);
    if (params.from) where.push(`a.at >= ${bind(params.from)}::timestamptz`);
    if (params.to) where.push(`a.at < ${bind(params.to)}::timestamptz`);
    if (params.cursor) where.push(`a.id < ${bind(params.cursor)}::bigint`);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.actor_id, a.actor_role, u.email AS actor_email, a.action, a.case_id, a.request_id, a.source_address, a.outcome
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.id DESC
        LIMIT ${bind(params.limit + 1)}`,
      values,
    );
    const page = rows.slice(0, params.limit);
    return {
      items: page.map(toEntry),
      nextCursor: rows.length > params.limit ? page[page.length - 1].id : null,
    };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorEmail: row.actor_email,
    action: row.action,
    caseId: row.case_id,
    requestId: row.request_id,
    sourceAddress: row.source_address,
    outcome: row.outcome,
  };
}
