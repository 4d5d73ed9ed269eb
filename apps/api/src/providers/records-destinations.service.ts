import { ConflictException, Injectable } from '@nestjs/common';
import type { CreateRecordsDestinationBody, RecordsDestinationView } from '@secondlook/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

interface DestinationRow {
  destination_id: string;
  name: string;
  fhir_base_url: string;
  has_authorization: boolean;
  created_at: Date;
}

// The credential column is never selected here: it only leaves the database in the worker, into one request header.
const COLUMNS = `destination_id, name, fhir_base_url, authorization_header IS NOT NULL AS has_authorization, created_at`;

@Injectable()
export class RecordsDestinationsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(body: CreateRecordsDestinationBody, createdBy: string): Promise<RecordsDestinationView> {
    try {
      const rows: DestinationRow[] = await this.dataSource.query(
        `INSERT INTO records_destinations (destination_id, name, fhir_base_url, authorization_header, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [randomUUID(), body.name, body.fhirBaseUrl.replace(/\/+$/, ''), body.authorization ?? null, createdBy],
      );
      return toView(rows[0]);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new ConflictException({ error: 'provider-exists', message: `A provider named ${body.name} exists` });
      throw error;
    }
  }

  async list(): Promise<RecordsDestinationView[]> {
    const rows: DestinationRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM records_destinations ORDER BY name`);
    return rows.map(toView);
  }
}

function toView(row: DestinationRow): RecordsDestinationView {
  return { id: row.destination_id, name: row.name, fhirBaseUrl: row.fhir_base_url, hasAuthorization: row.has_authorization, createdAt: new Date(row.created_at).toISOString() };
}
