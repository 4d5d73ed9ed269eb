import { Inject, Injectable, Logger } from '@nestjs/common';
import { loadCurrentCase } from '@secondlook/case-application';
import type { RecordsTransferProgress, TransferRecordsJob } from '@secondlook/contracts';
import type { RecordsRequestState } from '@secondlook/domain';
import { EventStore } from '@secondlook/event-store';
import { APP_CONFIG, type AppConfig } from '@secondlook/platform';
import { type Job, UnrecoverableError } from 'bullmq';
import { WorkerCaseCommands } from '../case-commands/worker-case-commands';
import { type DestinationFeatures, DocumentSender } from './document-sender';
import { RecordsTransferRepository, type StoredTransferDocument } from './records-transfer.repository';

export interface RecordsTransferResult {
  recordsRequestId: string;
  documents: number;
  skippedAsDelivered: number;
  receipt: string;
}

const PROGRESS_INTERVAL_MS = 250;
const MAX_RECEIPT_CHARS = 2000;

/**
 * Sends a records request's documents to its destination, one FHIR transaction per
 * document, then appends RecordsSent. Idempotent per document through the
 * deliveries ledger; the last failed attempt appends RecordsTransferFailed (which
 * raises the case's risk flag) before BullMQ marks the job failed.
 */
@Injectable()
export class RecordsTransferProcessor {
  private readonly logger = new Logger(RecordsTransferProcessor.name);

  constructor(
    private readonly store: EventStore,
    private readonly commands: WorkerCaseCommands,
    private readonly repository: RecordsTransferRepository,
    private readonly sender: DocumentSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(job: Job<TransferRecordsJob>): Promise<RecordsTransferResult | { recordsRequestId: string; alreadySent: true }> {
    const attempt = job.attemptsMade + 1;
    try {
      return await this.transfer(job);
    } catch (error) {
      const final = error instanceof UnrecoverableError || attempt >= (job.opts.attempts ?? 1);
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ jobId: job.id, caseId: job.data.caseId, attempt, final, reason }, 'records transfer attempt failed');
      if (final) {
        await this.commands.execute(
          job.data.caseId,
          { type: 'record-records-transfer-failed', requestId: job.data.recordsRequestId, reason, attempts: attempt },
          job.data,
          `records-transfer-failed:${job.id}`,
        );
      }
      throw error;
    }
  }

  private async transfer(job: Job<TransferRecordsJob>): Promise<RecordsTransferResult | { recordsRequestId: string; alreadySent: true }> {
    const { caseId, recordsRequestId } = job.data;
    const request = (await loadCurrentCase(this.store, caseId)).state?.records.find((candidate) => candidate.requestId === recordsRequestId);
    if (!request) throw new UnrecoverableError('The records request does not exist');
    if (request.status === 'sent' || request.status === 'received') return { recordsRequestId, alreadySent: true };

    const destination = await this.repository.destination(request.toProvider);
    if (!destination) throw new UnrecoverableError(`No records destination is configured for "${request.toProvider}"`);
    const documents = await this.documentsOf(caseId, request);

    if (request.status !== 'in-transfer') {
      await this.commands.execute(caseId, { type: 'start-records-transfer', requestId: recordsRequestId }, job.data, `records-transfer-started:${job.id}`);
    }

    const delivered = await this.repository.delivered(recordsRequestId);
    const progress = new ProgressReporter(job, {
      documentsDone: 0,
      documentsTotal: documents.length,
      bytesDone: 0,
      bytesTotal: documents.reduce((sum, document) => sum + document.sizeBytes, 0),
    });
    const receipts = new Map<string, string>();
    const pending = documents.filter((document) => {
      const earlier = delivered.get(document.documentId);
      if (earlier === undefined) return true;
      receipts.set(document.documentId, earlier);
      progress.documentDone(document.sizeBytes, 0);
      return false;
    });

    // A few documents in flight at once: while one waits for the destination's answer (and our
    // ledger write), another is streaming. On the first failure no new document starts, and the
    // job fails only once those in flight have settled, so a retry never overlaps them.
    let next = 0;
    let failure: unknown;
    // Learned afresh each attempt: a destination upgraded between retries gets native Binaries again.
    const features: DestinationFeatures = { nativeBinary: true };
    const lane = async (): Promise<void> => {
      while (failure === undefined && next < pending.length) {
        const document = pending[next++];
        let streamed = 0;
        try {
          const receipt = await this.sender.send(destination, features, recordsRequestId, document, (bytes) => {
            streamed += bytes;
            progress.bytes(bytes);
          });
          await this.repository.markDelivered(recordsRequestId, document.documentId, receipt);
          receipts.set(document.documentId, receipt);
          progress.documentDone(document.sizeBytes, streamed);
        } catch (error) {
          failure ??= error;
          progress.bytes(-streamed);
          await this.repository.markFailed(recordsRequestId, document.documentId, error instanceof Error ? error.message : String(error));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.RECORDS_TRANSFER_DOCUMENT_CONCURRENCY, pending.length) }, lane));
    await progress.flush();
    if (failure !== undefined) throw failure;

    const receipt = summariseReceipts(documents.map((document) => receipts.get(document.documentId) ?? ''));
    await this.commands.execute(caseId, { type: 'record-records-sent', requestId: recordsRequestId, receipt }, job.data, `records-sent:${job.id}`);
    return { recordsRequestId, documents: documents.length, skippedAsDelivered: documents.length - pending.length, receipt };
  }

  private async documentsOf(caseId: string, request: RecordsRequestState): Promise<Array<StoredTransferDocument & { description: string }>> {
    const wanted = request.documents.filter((document) => document.documentId);
    if (wanted.length === 0) throw new UnrecoverableError('The request names no uploaded document to send');
    const stored = new Map((await this.repository.documents(caseId, wanted.map((document) => document.documentId as string))).map((row) => [row.documentId, row]));
    return wanted.map((document) => {
      const row = stored.get(document.documentId as string);
      if (!row) throw new UnrecoverableError(`Document ${document.documentId} is not uploaded to this case`);
      return { ...row, description: row.description ?? document.description };
    });
  }
}

/**
 * job.updateProgress at most every PROGRESS_INTERVAL_MS, and once at the end:
 * bytes and documents move together in one object, and a write per chunk or per
 * document would cost more Redis round trips than a progress bar needs.
 */
class ProgressReporter {
  private lastReport = 0;

  constructor(
    private readonly job: Job<TransferRecordsJob>,
    private readonly progress: RecordsTransferProgress,
  ) {}

  bytes(count: number): void {
    this.progress.bytesDone += count;
    if (Date.now() - this.lastReport >= PROGRESS_INTERVAL_MS) this.report();
  }

  documentDone(sizeBytes: number, alreadyCounted: number): void {
    this.progress.documentsDone++;
    this.bytes(sizeBytes - alreadyCounted);
  }

  flush(): Promise<void> {
    return this.job.updateProgress({ ...this.progress });
  }

  private report(): void {
    this.lastReport = Date.now();
    // Fire-and-forget: a progress write must never stall the bytes, and a lost one costs one update.
    this.job.updateProgress({ ...this.progress }).catch(() => undefined);
  }
}

function summariseReceipts(receipts: string[]): string {
  const text = `${receipts.length} document(s): ${receipts.join(', ')}`;
  return text.length <= MAX_RECEIPT_CHARS ? text : `${text.slice(0, MAX_RECEIPT_CHARS - 1)}…`;
}
