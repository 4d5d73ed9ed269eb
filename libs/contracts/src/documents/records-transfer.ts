/** `job.updateProgress` payload of a records-transfer job, as the dashboard polls it. */
export interface RecordsTransferProgress {
  documentsDone: number;
  documentsTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export type RecordsTransferJobState = 'not-enqueued' | 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'unknown';

/** `GET /api/cases/:id/records-requests/:requestId/transfer` */
export interface RecordsTransferView {
  requestId: string;
  state: RecordsTransferJobState;
  /** Attempts made by the current job (a staff retry starts a new job). */
  attempts: number;
  maxAttempts: number;
  progress: RecordsTransferProgress | null;
  failedReason: string | null;
  /** Documents the destination has acknowledged, across every job for this request. */
  documentsDelivered: number;
}
