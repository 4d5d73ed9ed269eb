/**
 * Records-transfer throughput: 100 documents of 5 MB sent by the built worker to a
 * local FHIR receiver, beside a baseline measured in the same run (the same bytes
 * read from disk and POSTed raw by a plain loop, one at a time, to the same
 * receiver). Also the worker's peak resident memory (VmHWM).
 *
 *   npx nx run-many -t build --projects=api,worker,dashboard
 *   node -r @swc-node/register test/benchmarks/transfer.bench.ts [--documents 100] [--mb 5]
 *
 * Needs PostgreSQL (TEST_DATABASE_ADMIN_URL or postgres@127.0.0.1:5432) and Redis on 6379.
 */
import { jobIdFor, QUEUES } from '@secondlook/contracts';
import { Queue } from 'bullmq';
import { createReadStream, mkdtempSync, openAsBlob, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FhirReceiver } from '../support/fhir-receiver';
import { adminEnv, deleteRedisPrefix, documentBytes, ProductClient } from '../support/records-transfer-support';
import { startProduct } from '../support/running-product';

const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const DOCUMENTS = arg('documents', 100);
const SIZE = Math.round(arg('mb', 5) * 1024 * 1024);

async function main(): Promise<void> {
  const filesDir = mkdtempSync(join(tmpdir(), 'sl-bench-files-'));
  const documentsDir = mkdtempSync(join(tmpdir(), 'sl-bench-docs-'));
  const files = Array.from({ length: DOCUMENTS }, (_, i) => {
    const path = join(filesDir, `document-${i}.pdf`);
    writeFileSync(path, documentBytes(SIZE, 1000 + i));
    return path;
  });
  const receiver = await FhirReceiver.start({ validate: false });
  const product = await startProduct({ withWorker: true, extraEnv: { ...adminEnv, DOCUMENTS_DIR: documentsDir, LOG_LEVEL: 'warn', RECORDS_TRANSFER_CONCURRENCY: '1' } });
  try {
    const client = await ProductClient.for(product);
    await client.addDestination('Bench Receiver', receiver.url);
    const caseId = await client.openCase();
    process.stdout.write(`uploading ${DOCUMENTS} × ${(SIZE / 1024 / 1024).toFixed(1)} MB through the api… `);
    const uploadStart = performance.now();
    const documents = [];
    for (const path of files) {
      const form = new FormData();
      form.append('kind', 'imaging-files');
      form.append('file', await openAsBlob(path, { type: 'application/pdf' }), 'scan.pdf');
      const response = await client.raw('POST', `/api/cases/${caseId}/documents`, { body: form });
      if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
      documents.push((await response.json()) as Parameters<ProductClient['requestRecords']>[2][number]);
    }
    const uploadSeconds = (performance.now() - uploadStart) / 1000;
    console.log(`${uploadSeconds.toFixed(1)} s (${((DOCUMENTS * SIZE) / 1024 / 1024 / uploadSeconds).toFixed(0)} MB/s)`);

    // Baseline: the same bytes, from disk, POSTed raw one after another.
    const baselineStart = performance.now();
    for (const path of files) await postFile(receiver.url, path);
    const baselineSeconds = (performance.now() - baselineStart) / 1000;
    // A second reference: the same plain loop, but sending each file base64-encoded in a JSON body the
    // size of our Bundles, to separate the cost of the FHIR format from the cost of the worker.
    const encodedStart = performance.now();
    for (const path of files) await postBase64(receiver.url, path);
    const encodedSeconds = (performance.now() - encodedStart) / 1000;

    const workerPid = findWorkerPid(product.redisPrefix);
    const requestStart = performance.now();
    const requestId = await client.requestRecords(caseId, 'Bench Receiver', documents);
    await client.waitForRecordsStatus(caseId, requestId, 'sent', 600_000);
    const endToEndSeconds = (performance.now() - requestStart) / 1000;
    const events = await client.json<{ items: Array<{ type: string; eventId: string }> }>('GET', `/api/cases/${caseId}/events`);
    const requested = events.items.find((event) => event.type === 'RecordsRequested');
    const queue = new Queue(QUEUES.recordsTransfer, { connection: { host: '127.0.0.1', port: 6379 }, prefix: product.redisPrefix });
    const job = await queue.getJob(jobIdFor(QUEUES.recordsTransfer, requested?.eventId ?? ''));
    await queue.close();
    const jobSeconds = job?.processedOn && job.finishedOn ? (job.finishedOn - job.processedOn) / 1000 : endToEndSeconds;
    const peakKb = workerPid ? peakRssKb(workerPid) : undefined;

    const megabytes = (DOCUMENTS * SIZE) / 1024 / 1024;
    const row = (name: string, seconds: number) =>
      `${name.padEnd(34)} ${seconds.toFixed(2).padStart(8)} s ${(megabytes / seconds).toFixed(1).padStart(8)} MB/s ${(DOCUMENTS / seconds).toFixed(2).padStart(8)} docs/s`;
    console.log(`\nRecords transfer: ${DOCUMENTS} documents × ${(SIZE / 1024 / 1024).toFixed(1)} MB = ${megabytes.toFixed(0)} MB of file bytes`);
    console.log(row('baseline (raw POST from disk)', baselineSeconds));
    console.log(row('plain loop, base64 JSON from disk', encodedSeconds));
    console.log(row('worker job (FHIR Bundles, base64)', jobSeconds));
    console.log(row('worker end to end (command→sent)', endToEndSeconds));
    console.log(`ratio job/baseline: ${(baselineSeconds / jobSeconds).toFixed(2)}× (target ≥ 0.70×)`);
    console.log(`ratio job/plain base64 loop: ${(encodedSeconds / jobSeconds).toFixed(2)}×`);
    console.log(`bytes on the wire to the receiver: ${(receiver.bytesReceived / 1024 / 1024).toFixed(0)} MB (baseline + base64 Bundles)`);
    console.log(`worker peak RSS (VmHWM): ${peakKb ? `${(peakKb / 1024).toFixed(0)} MB` : 'unknown'} (target < 256 MB)`);
  } finally {
    await product.stop();
    await receiver.close();
    await deleteRedisPrefix('redis://127.0.0.1:6379', product.redisPrefix);
    rmSync(filesDir, { recursive: true, force: true });
    rmSync(documentsDir, { recursive: true, force: true });
  }
}

function postFile(url: string, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    pipeline(createReadStream(path), req).catch(reject);
  });
}

function postBase64(url: string, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    void (async () => {
      req.write('{"resourceType":"Binary","data":"');
      let carry = Buffer.alloc(0);
      for await (const chunk of createReadStream(path, { highWaterMark: 768 * 1024 }) as AsyncIterable<Buffer>) {
        const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        const whole = bytes.length - (bytes.length % 3);
        carry = Buffer.from(bytes.subarray(whole));
        if (!req.write(bytes.subarray(0, whole).toString('base64'))) await new Promise((drained) => req.once('drain', drained));
      }
      req.end(`${carry.toString('base64')}"}`);
    })().catch(reject);
  });
}

/** The built worker started for this run: its command line and its REDIS_PREFIX. */
function findWorkerPid(prefix: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes('dist/apps/worker/main.js')) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`REDIS_PREFIX=${prefix}`)) return Number(entry);
    } catch {
      // a process that ended while we looked
    }
  }
  return undefined;
}

function peakRssKb(pid: number): number | undefined {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : undefined;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
