import { DOCUMENT_KINDS, type DocumentKind } from '@secondlook/domain';
import { z } from 'zod';

/**
 * Types a clinic sends for a second opinion: reports and letters (PDF, Word, text),
 * scans and photographs, DICOM imaging, and archives of imaging studies.
 * Anything else (executables, HTML, SVG) is refused with 415.
 */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'application/dicom',
  'application/zip',
  'text/plain',
  'text/csv',
  'application/rtf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/fhir+json',
] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** 200 MB: large enough for an imaging study archive, small enough to stream through one request. */
export const DOCUMENT_MAX_BYTES = 200 * 1024 * 1024;

/** The multipart text fields of `POST /api/cases/:id/documents` (the file part is `file`). */
export const uploadDocumentFieldsSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS, { error: `must be one of ${DOCUMENT_KINDS.join(', ')}` }),
    description: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type UploadDocumentFields = z.infer<typeof uploadDocumentFieldsSchema>;

export interface DocumentView {
  id: string;
  caseId: string;
  kind: DocumentKind;
  /** Personal data: lives in the erasable documents table, never in events. */
  fileName: string;
  description: string | null;
  contentType: DocumentContentType;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes, computed while they streamed in; also the download's ETag. */
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface DocumentList {
  items: DocumentView[];
}
