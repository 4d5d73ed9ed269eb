import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { CaseListItem, CaseListPage, CaseSort } from '@secondlook/contracts';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from './list-cases.cursor';
import { ListCasesQuery } from './list-cases.query';

// Each sort is an expression with a matching index, so pages cost the same deep
// into the list: keyset pagination, never OFFSET.
const SORT_KEYS: Record<CaseSort, { expression: string; direction: 'ASC' | 'DESC'; cast: string }> = {
  age: { expression: 's.opened_at', direction: 'ASC', cast: 'timestamptz' },
  recent: { expression: 's.opened_at', direction: 'DESC', cast: 'timestamptz' },
  'target-date': { expression: `coalesce(s.target_date, 'infinity'::date)`, direction: 'ASC', cast: 'date' },
};

interface Row {
  case_id: string;
  version: number;
  phase: CaseListItem['phase'];
  urgency: CaseListItem['urgency'];
  specialty: string;
  risk_flags: CaseListItem['riskFlags'];
  opened_at: Date;
  updated_at: Date;
  target_date: string | null;
  assigned_advocate_id: string | null;
  first_name: string | null;
  last_name: string | null;
  sort_key: string;
}

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery, CaseListPage> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ params, context }: ListCasesQuery): Promise<CaseListPage> {
    const sort = SORT_KEYS[params.sort];
    const values: unknown[] = [];
    const where: string[] = [];
    const bind = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };

    if (context.actor.role === 'advocate') where.push(`s.assigned_advocate_id = ${bind(context.actor.id)}`);
    if (params.phase) where.push(`s.phase = ${bind(params.phase)}`);
    if (params.urgency) where.push(`s.urgency = ${bind(params.urgency)}`);
    if (params.risk) where.push(`s.risk_flags @> ARRAY[${bind(params.risk)}]::text[]`);
    if (params.reason) where.push(`s.reasons @> ARRAY[${bind(params.reason)}]::text[]`);
    if (params.assignedTo === 'unassigned') where.push('s.assigned_advocate_id IS NULL');
    else if (params.assignedTo) where.push(`s.assigned_advocate_id = ${bind(params.assignedTo === 'me' ? context.actor.id : params.assignedTo)}`);
    if (params.q) {
      const prefix = `${params.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const p = bind(prefix);
      where.push(`(lower(p.last_name) LIKE ${p} OR lower(p.first_name) LIKE ${p} OR p.mrn = ${bind(params.q)})`);
    }
    if (params.cursor) {
      const cursor = decodeCursor(params.cursor);
      const op = sort.direction === 'ASC' ? '>' : '<';
      where.push(`(${sort.expression}, s.case_id) ${op} (${bind(cursor.key)}::${sort.cast}, ${bind(cursor.id)}::uuid)`);
    }

    const rows: Row[] = await this.dataSource.query(
      `SELECT s.case_id, s.version, s.phase, s.urgency, s.specialty, s.risk_flags, s.opened_at, s.updated_at,
              to_char(s.target_date, 'YYYY-MM-DD') AS target_date, s.assigned_advocate_id,
              p.first_name, p.last_name, (${sort.expression})::text AS sort_key
         FROM case_summaries s LEFT JOIN patients p ON p.patient_id = s.patient_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${sort.expression} ${sort.direction}, s.case_id ${sort.direction}
        LIMIT ${bind(params.limit + 1)}`,
      values,
    );

    const page = rows.slice(0, params.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toItem),
      nextCursor: rows.length > params.limit && last ? encodeCursor({ key: last.sort_key, id: last.case_id }) : null,
    };
  }
}

function toItem(row: Row): CaseListItem {
  return {
    id: row.case_id,
    patientName: row.first_name === null ? '[erased]' : `${row.first_name} ${row.last_name}`,
    phase: row.phase,
    urgency: row.urgency,
    specialty: row.specialty,
    riskFlags: row.risk_flags,
    version: row.version,
    openedAt: row.opened_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    targetDate: row.target_date,
    assignedAdvocateId: row.assigned_advocate_id,
  };
}
