import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RecordsDestination } from './fhir-destination.client';
import type { TransferDocument } from './fhir-transaction';

interface DocumentRow {
  document_id: string;
  kind: string;
  file_name: string;
  description: string | null;
  content_type: string;
  size_bytes: string;
  sha256: string;
  sha1_base64: string;
  storage_key: string;
  uploaded_at: Date;
}

export interface StoredTransferDocument extends Omit<TransferDocument, 'description'> {
  description: string | null;
  storageKey: string;
}

/**
 * What a transfer reads (documents, the destination) and the per-document ledger
 * it keeps in records_transfer_deliveries. The ledger is what makes a transfer
 * resumable: a document is marked delivered only after the destination's 2xx, and
 * a restarted job skips every delivered one.
 */
@Injectable()
export class RecordsTransferRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `toProvider` names the destination by its configured name (or id). */
  async destination(toProvider: string): Promise<RecordsDestination | undefined> {
    const rows: Array<{ destination_id: string; name: string; fhir_base_url: string; authorization_header: string | null }> = await this.dataSource.query(
      `SELECT destination_id, name, fhir_base_url, authorization_header FROM records_destinations WHERE name = $1 OR destination_id::text = $1 LIMIT 1`,
      [toProvider],
    );
    const row = rows[0];
    return row && { id: row.destination_id, name: row.name, fhirBaseUrl: row.fhir_base_url, authorization: row.authorization_header };
  }

  async documents(caseId: string, documentIds: string[]): Promise<StoredTransferDocument[]> {
    const rows: DocumentRow[] = await this.dataSource.query(`SELECT * FROM documents WHERE case_id = $1 AND document_id = ANY($2::uuid[])`, [caseId, documentIds]);
    return rows.map((row) => ({
      documentId: row.document_id,
      kind: row.kind,
      fileName: row.file_name,
      description: row.description,
      contentType: row.content_type,
      sizeBytes: Number(row.size_bytes),
      sha256: row.sha256,
      sha1Base64: row.sha1_base64,
      storageKey: row.storage_key,
      uploadedAt: new Date(row.uploaded_at).toISOString(),
    }));
  }

  async delivered(requestId: string): Promise<Map<string, string>> {
    const rows: Array<{ document_id: string; receipt: string | null }> = await this.dataSource.query(
      `SELECT document_id, receipt FROM records_transfer_deliveries WHERE request_id = $1 AND status = 'delivered'`,
      [requestId],
    );
    return new Map(rows.map((row) => [row.document_id, row.receipt ?? '']));
  }

  /** Written at a try's outcome, never before it: one round trip per document. */
  async markDelivered(requestId: string, documentId: string, receipt: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO records_transfer_deliveries (request_id, document_id, status, receipt, attempts, delivered_at) VALUES ($1, $2, 'delivered', $3, 1, now())
       ON CONFLICT (request_id, document_id) DO UPDATE SET status = 'delivered', receipt = $3, last_error = NULL,
         attempts = records_transfer_deliveries.attempts + 1, delivered_at = now(), updated_at = now()`,
      [requestId, documentId, receipt],
    );
  }

  async markFailed(requestId: string, documentId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO records_transfer_deliveries (request_id, document_id, status, last_error, attempts) VALUES ($1, $2, 'failed', $3, 1)
       ON CONFLICT (request_id, document_id) DO UPDATE SET status = 'failed', last_error = $3,
         attempts = records_transfer_deliveries.attempts + 1, updated_at = now()
       WHERE records_transfer_deliveries.status <> 'delivered'`,
      [requestId, documentId, reason.slice(0, 1000)],
    );
  }
}
