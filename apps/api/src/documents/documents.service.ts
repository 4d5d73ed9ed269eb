import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DocumentContentType, DocumentView } from '@secondlook/contracts';
import type { DocumentKind } from '@secondlook/domain';
import { DOCUMENT_STORAGE, type DocumentStorage } from '@secondlook/platform';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';

interface DocumentRow {
  document_id: string;
  case_id: string;
  kind: DocumentKind;
  file_name: string;
  description: string | null;
  content_type: DocumentContentType;
  size_bytes: string;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface NewDocument {
  documentId: string;
  caseId: string;
  kind: DocumentKind;
  fileName: string;
  description: string | null;
  contentType: DocumentContentType;
  sizeBytes: number;
  sha256: string;
  sha1Base64: string;
  storageKey: string;
  uploadedBy: string;
}

/** The documents table (erasable metadata) and the bytes behind it in DocumentStorage. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  newDocumentId(): string {
    return randomUUID();
  }

  storageKeyOf(caseId: string, documentId: string): string {
    return `${caseId}/${documentId}`;
  }

  write(key: string, content: Readable): Promise<{ sizeBytes: number }> {
    return this.storage.write(key, content);
  }

  discard(key: string): Promise<void> {
    return this.storage.remove(key);
  }

  async record(document: NewDocument): Promise<DocumentView> {
    const rows: DocumentRow[] = await this.dataSource.query(
      `INSERT INTO documents (document_id, case_id, kind, file_name, description, content_type, size_bytes, sha256, sha1_base64, storage_key, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        document.documentId,
        document.caseId,
        document.kind,
        document.fileName,
        document.description,
        document.contentType,
        document.sizeBytes,
        document.sha256,
        document.sha1Base64,
        document.storageKey,
        document.uploadedBy,
      ],
    );
    return toView(rows[0]);
  }

  async list(caseId: string): Promise<DocumentView[]> {
    const rows: DocumentRow[] = await this.dataSource.query(`SELECT * FROM documents WHERE case_id = $1 ORDER BY uploaded_at, document_id`, [caseId]);
    return rows.map(toView);
  }

  async open(caseId: string, documentId: string): Promise<{ document: DocumentView; content: () => Promise<Readable> }> {
    const rows: DocumentRow[] = await this.dataSource.query(`SELECT * FROM documents WHERE case_id = $1 AND document_id = $2`, [caseId, documentId]);
    const row = rows[0];
    if (!row) throw new NotFoundException({ error: 'document-not-found', message: 'No such document on this case' });
    return { document: toView(row), content: () => this.storage.read(row.storage_key) };
  }
}

function toView(row: DocumentRow): DocumentView {
  return {
    id: row.document_id,
    caseId: row.case_id,
    kind: row.kind,
    fileName: row.file_name,
    description: row.description,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedAt: new Date(row.uploaded_at).toISOString(),
    uploadedBy: row.uploaded_by,
  };
}
