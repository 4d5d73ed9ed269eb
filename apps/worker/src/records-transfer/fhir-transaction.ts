import { createHash, randomUUID } from 'node:crypto';

/** Identifier system of the per-(request, document) key the destination dedupes on. */
export const TRANSFER_IDENTIFIER_SYSTEM = 'urn:secondlook:records-transfer';
/** FHIR R4 Attachment.hash is SHA-1; our integrity check is SHA-256, carried as an extension. */
export const SHA256_EXTENSION_URL = 'https://secondlook.example/fhir/StructureDefinition/attachment-sha256';

export interface TransferDocument {
  documentId: string;
  kind: string;
  fileName: string;
  description: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  sha1Base64: string;
  uploadedAt: string;
}

export interface TransactionParts {
  /** JSON before the Binary's base64 data (or the whole body when `inline` is false). */
  head: string;
  /** JSON after the base64 data. */
  tail: string;
  inline: boolean;
}

// Fixed namespace of our name-based Binary ids (RFC 9562 UUIDv5).
const BINARY_ID_NAMESPACE = Buffer.from('3d0b9c52e6a84f0e9b1c57a2d8e4f601', 'hex');

/**
 * The Binary id a document is PUT to, the same on every attempt, so a resend after
 * a crash updates the one Binary instead of leaving a second copy. One per
 * (request, document), like the DocumentReference identifier: a later request
 * never rewrites the content an earlier DocumentReference points at. Ids only, no
 * personal data: destinations log resource ids.
 */
export function binaryIdFor(requestId: string, documentId: string): string {
  const hash = createHash('sha1').update(BINARY_ID_NAMESPACE).update(`${requestId}:${documentId}`, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A FHIR R4 transaction Bundle for one document. The DocumentReference is created
 * conditionally (`ifNoneExist` on our transfer identifier), so a destination that
 * got the document once keeps one copy even if we resend after a crash.
 *
 * Without `storedBinaryId` the Bundle carries the file as a Binary entry, split
 * around its data so the base64 can be streamed between head and tail without
 * ever holding it whole. With it, the bytes were already PUT as a native Binary
 * and the attachment references it (`Binary/<id>`, resolved against the
 * destination's base like any relative reference).
 */
export function transactionParts(requestId: string, document: TransferDocument, storedBinaryId?: string): TransactionParts {
  const identifierValue = `${requestId}:${document.documentId}`;
  const binaryFullUrl = `urn:uuid:${randomUUID()}`;
  const documentReference = {
    resourceType: 'DocumentReference',
    status: 'current',
    identifier: [{ system: TRANSFER_IDENTIFIER_SYSTEM, value: identifierValue }],
    type: { text: document.kind },
    description: document.description,
    date: document.uploadedAt,
    content: [
      {
        attachment: {
          contentType: document.contentType,
          size: document.sizeBytes,
          hash: document.sha1Base64,
          title: document.fileName,
          url: storedBinaryId ? `Binary/${storedBinaryId}` : binaryFullUrl,
          extension: [{ url: SHA256_EXTENSION_URL, valueString: document.sha256 }],
        },
      },
    ],
  };
  const documentEntry = {
    fullUrl: `urn:uuid:${randomUUID()}`,
    resource: documentReference,
    request: { method: 'POST', url: 'DocumentReference', ifNoneExist: `identifier=${TRANSFER_IDENTIFIER_SYSTEM}|${identifierValue}` },
  };
  const bundle = JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [documentEntry] });
  if (storedBinaryId) return { head: bundle, tail: '', inline: false };
  // Re-open the entry array to append the Binary whose data is streamed in between head and tail.
  const head = `${bundle.slice(0, -2)},{"fullUrl":${JSON.stringify(binaryFullUrl)},"resource":{"resourceType":"Binary","contentType":${JSON.stringify(document.contentType)},"data":"`;
  const tail = `"},"request":{"method":"POST","url":"Binary"}}]}`;
  return { head, tail, inline: true };
}
