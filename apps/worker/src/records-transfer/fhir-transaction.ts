import { randomUUID } from 'node:crypto';

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

/**
 * A FHIR R4 transaction Bundle for one document, split around the Binary's data so
 * the file's base64 can be streamed between the two halves without ever holding it
 * whole. The DocumentReference is created conditionally (`ifNoneExist` on our
 * transfer identifier), so a destination that got the document once keeps one copy
 * even if we resend after a crash. A file above the inline limit is referenced by
 * URL instead (the destination fetches it), with no Binary entry.
 */
export function transactionParts(requestId: string, document: TransferDocument, contentUrl: string | undefined): TransactionParts {
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
          url: contentUrl ?? binaryFullUrl,
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
  if (contentUrl) {
    return { head: JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [documentEntry] }), tail: '', inline: false };
  }
  const bundleHead = JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [documentEntry] });
  // Re-open the entry array to append the Binary whose data is streamed in between head and tail.
  const head = `${bundleHead.slice(0, -2)},{"fullUrl":${JSON.stringify(binaryFullUrl)},"resource":{"resourceType":"Binary","contentType":${JSON.stringify(document.contentType)},"data":"`;
  const tail = `"},"request":{"method":"POST","url":"Binary"}}]}`;
  return { head, tail, inline: true };
}
