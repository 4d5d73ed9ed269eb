/**
 * Records-transfer throughput: 100 documents of 5 MB sent by the built worker to a
 * local FHIR receiver, beside a baseline measured in the same run: the same bytes
 * read from disk and POSTed raw by a plain loop, one at a time, to the same
 * receiver, timed both in the receiver's process and in one of its own (the faster
 * counts). The worker runs in each transfer mode, in a fresh process per mode:
 * `native` (each file PUT as a raw Binary, then a small Bundle referencing it: what
 * documents over RECORDS_INLINE_MAX_BYTES get) and `inline` (base64 inside the
 * Bundle). Also each worker's CPU time and peak resident memory (VmHWM).
 *
 *   npx nx run-many -t build --projects=api,worker,dashboard
 *   node -r @swc-node/register test/benchmarks/transfer.bench.ts [--documents 100] [--mb 5] [--mode both|native|inline] [--lanes N] [--rounds 3]
 *
 * `--lanes` sets RECORDS_TRANSFER_DOCUMENT_CONCURRENCY (default: the shipped default). Each round
 * times the baseline, the base64 loop and the worker in each mode back to back; the summary is
 * the median over rounds, each ratio taken within its round.
 * Needs PostgreSQL (TEST_DATABASE_ADMIN_URL or postgres@127.0.0.1:5432) and Redis on 6379.
 */
import { jobIdFor, QUEUES } from '@secondlook/contracts';
import { Queue } from 'bullmq';
import { execFileSync, fork } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, mkdtempSync, openAsBlob, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FhirReceiver } from '../support/fhir-receiver';
import { adminEnv, deleteRedisPrefix, documentBytes, ProductClient } from '../support/records-transfer-support';
import { type RunningProduct, startProduct, waitUntil } from '../support/running-product';

const option = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const DOCUMENTS = Number(option('documents') ?? 100);
const SIZE = Math.round(Number(option('mb') ?? 5) * 1024 * 1024);
const MODES = (option('mode') ?? 'both') === 'both' ? (['native', 'inline'] as const) : ([option('mode') as 'native' | 'inline'] as const);
const LANES = option('lanes');
const ROUNDS = Number(option('rounds') ?? 3);

type Mode = 'native' | 'inline';
/** RECORDS_INLINE_MAX_BYTES that puts every benchmark document in the mode. */
const inlineMaxBytes = (mode: Mode): string => (mode === 'native' ? '0' : String(SIZE));

interface WorkerRun {
  mode: Mode;
  jobSeconds: number;
  endToEndSeconds: number;
  peakKb: number | undefined;
  /** Worker CPU (user + system) from the request to RecordsSent: the job's cost, whatever else the machine runs. */
  cpuSeconds: number | undefined;
  binaryPuts: number;
  bundles: number;
  wireBytes: number;
}

interface Round {
  inProcessSeconds: number;
  ownProcessSeconds: number;
  /** The faster of the two. */
  baselineSeconds: number;
  encodedSeconds: number;
  runs: WorkerRun[];
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main(): Promise<void> {
  if (!MODES.every((mode) => mode === 'native' || mode === 'inline')) throw new Error('--mode is both, native or inline');
  const filesDir = mkdtempSync(join(tmpdir(), 'sl-bench-files-'));
  const documentsDir = mkdtempSync(join(tmpdir(), 'sl-bench-docs-'));
  try {
    await run(filesDir, documentsDir);
  } finally {
    rmSync(filesDir, { recursive: true, force: true });
    rmSync(documentsDir, { recursive: true, force: true });
  }
}

async function run(filesDir: string, documentsDir: string): Promise<void> {
  const files = Array.from({ length: DOCUMENTS }, (_, i) => {
    const path = join(filesDir, `document-${i}.pdf`);
    writeFileSync(path, documentBytes(SIZE, 1000 + i));
    return path;
  });
  const receiver = await FhirReceiver.start({ validate: false });
  const product = await startProduct({
    withWorker: true,
    extraEnv: {
      ...adminEnv,
      DOCUMENTS_DIR: documentsDir,
      LOG_LEVEL: 'warn',
      RECORDS_TRANSFER_CONCURRENCY: '1',
      RECORDS_INLINE_MAX_BYTES: inlineMaxBytes(MODES[0]),
      ...(LANES ? { RECORDS_TRANSFER_DOCUMENT_CONCURRENCY: LANES } : {}),
    },
  });
  const queue = new Queue(QUEUES.recordsTransfer, { connection: { host: '127.0.0.1', port: 6379 }, prefix: product.redisPrefix });
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
    // 1 GB was just written (files and uploads): flush it now, or the kernel's writeback runs during the timed parts.
    execFileSync('sync');

    // Rounds, because other work on the machine comes and goes: each round times the two plain loops
    // and the worker in each mode back to back, and every ratio is taken within its round.
    const rounds: Round[] = [];
    let workerMode: Mode = MODES[0];
    for (let round = 1; round <= ROUNDS; round++) {
      // Baseline: the same bytes, from disk, POSTed raw one after another by a plain loop, twice: in this
      // process (sender and receiver share one event loop, often the faster on loopback) and in a process of
      // its own, like the worker. Ratios use the faster of the two.
      const inProcessSeconds = await timed(async () => {
        for (const path of files) await postFile(receiver.url, path);
      });
      const ownProcessSeconds = await rawLoopInChild(receiver.url, files);
      const baselineSeconds = Math.min(inProcessSeconds, ownProcessSeconds);
      // A second reference: the same plain loop, but sending each file base64-encoded in a JSON body the
      // size of our inline Bundles, to separate the cost of the encoding from the cost of the worker.
      const encodedSeconds = await timed(async () => {
        for (const path of files) await postBase64(receiver.url, path);
      });
      const runs: WorkerRun[] = [];
      // Alternate the order of the modes, so neither always runs first; the worker restarts only on a change.
      for (const mode of round % 2 === 1 ? MODES : [...MODES].reverse()) {
        if (mode !== workerMode) {
          // A fresh worker process per mode: its own settings and its own peak RSS.
          await product.stopWorker('SIGTERM');
          product.env.RECORDS_INLINE_MAX_BYTES = inlineMaxBytes(mode);
          product.startWorker();
          workerMode = mode;
        }
        await waitUntil(async () => (await queue.getWorkersCount()) > 0, 'the worker to listen on the records-transfer queue', 60_000);
        runs.push(await runWorker(product, client, queue, receiver, caseId, documents, mode));
      }
      rounds.push({ inProcessSeconds, ownProcessSeconds, baselineSeconds, encodedSeconds, runs });
      const ratios = runs.map((run) => `${run.mode} ${(baselineSeconds / run.jobSeconds).toFixed(2)}×`).join(', ');
      console.log(`round ${round}: baseline ${baselineSeconds.toFixed(2)} s (in process ${inProcessSeconds.toFixed(2)}, own process ${ownProcessSeconds.toFixed(2)}), base64 loop ${encodedSeconds.toFixed(2)} s, ${runs.map((run) => `${run.mode} job ${run.jobSeconds.toFixed(2)} s`).join(', ')}; job/baseline ${ratios}`);
    }

    const megabytes = (DOCUMENTS * SIZE) / 1024 / 1024;
    const row = (name: string, seconds: number) =>
      `${name.padEnd(44)} ${seconds.toFixed(2).padStart(8)} s ${(megabytes / seconds).toFixed(1).padStart(8)} MB/s ${(DOCUMENTS / seconds).toFixed(2).padStart(8)} docs/s`;
    const label = { native: 'native Binary PUT + Bundle', inline: 'inline base64 Bundle' };
    const runsOf = (mode: Mode) => rounds.map((round) => round.runs.find((run) => run.mode === mode) as WorkerRun);
    console.log(`\nRecords transfer: ${DOCUMENTS} documents × ${(SIZE / 1024 / 1024).toFixed(1)} MB = ${megabytes.toFixed(0)} MB of file bytes; document lanes: ${LANES ?? 'default'}; median of ${ROUNDS} round(s)`);
    console.log(row('baseline (raw POST from disk, faster of:)', median(rounds.map((round) => round.baselineSeconds))));
    console.log(row('  loop in the receiver process', median(rounds.map((round) => round.inProcessSeconds))));
    console.log(row('  loop in a process of its own', median(rounds.map((round) => round.ownProcessSeconds))));
    console.log(row('plain loop, base64 JSON from disk', median(rounds.map((round) => round.encodedSeconds))));
    for (const mode of MODES) {
      console.log(row(`worker job, ${label[mode]}`, median(runsOf(mode).map((run) => run.jobSeconds))));
      console.log(row(`worker end to end (command→sent), ${mode}`, median(runsOf(mode).map((run) => run.endToEndSeconds))));
    }
    for (const mode of MODES) {
      const runs = runsOf(mode);
      const ratios = rounds.map((round, index) => round.baselineSeconds / runs[index].jobSeconds);
      const encodedRatio = median(rounds.map((round, index) => round.encodedSeconds / runs[index].jobSeconds));
      console.log(`${mode}: ratio job/baseline ${median(ratios).toFixed(2)}× (rounds: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}; target ≥ 0.70×), job/plain base64 loop ${encodedRatio.toFixed(2)}×`);
      const peakKb = Math.max(...runs.map((run) => run.peakKb ?? 0));
      const cpu = runs.every((run) => run.cpuSeconds !== undefined) ? `${median(runs.map((run) => run.cpuSeconds as number)).toFixed(2)} s` : 'unknown';
      console.log(
        `${mode}: ${runs[0].binaryPuts} Binary PUTs + ${runs[0].bundles} Bundles, ${(runs[0].wireBytes / 1024 / 1024).toFixed(0)} MB of bodies per run; worker CPU ${cpu}; worker peak RSS (VmHWM) ${peakKb ? `${(peakKb / 1024).toFixed(0)} MB` : 'unknown'} (target < 256 MB)`,
      );
    }
  } finally {
    await queue.close();
    await product.stop();
    await receiver.close();
    await deleteRedisPrefix('redis://127.0.0.1:6379', product.redisPrefix);
  }
}

/** One request-records naming every document, timed by the job's processedOn → finishedOn. */
async function runWorker(
  product: RunningProduct,
  client: ProductClient,
  queue: Queue,
  receiver: FhirReceiver,
  caseId: string,
  documents: Parameters<ProductClient['requestRecords']>[2],
  mode: Mode,
): Promise<WorkerRun> {
  const workerPid = findWorkerPid(product.redisPrefix);
  const before = { requests: receiver.requests, puts: receiver.binaryPuts.length, bytes: receiver.bytesReceived, cpu: workerPid ? cpuSeconds(workerPid) : undefined };
  const requestStart = performance.now();
  const requestId = await client.requestRecords(caseId, 'Bench Receiver', documents);
  await client.waitForRecordsStatus(caseId, requestId, 'sent', 600_000);
  const endToEndSeconds = (performance.now() - requestStart) / 1000;
  const events = await client.json<{ items: Array<{ type: string; eventId: string; data?: { requestId?: string } }> }>('GET', `/api/cases/${caseId}/events`);
  const requested = events.items.find((event) => event.type === 'RecordsRequested' && event.data?.requestId === requestId);
  const job = await queue.getJob(jobIdFor(QUEUES.recordsTransfer, requested?.eventId ?? ''));
  const jobSeconds = job?.processedOn && job.finishedOn ? (job.finishedOn - job.processedOn) / 1000 : endToEndSeconds;
  const binaryPuts = receiver.binaryPuts.length - before.puts;
  return {
    mode,
    jobSeconds,
    endToEndSeconds,
    peakKb: workerPid ? peakRssKb(workerPid) : undefined,
    cpuSeconds: workerPid && before.cpu !== undefined ? cpuSeconds(workerPid) - before.cpu : undefined,
    binaryPuts,
    bundles: receiver.requests - before.requests - binaryPuts,
    wireBytes: receiver.bytesReceived - before.bytes,
  };
}

/** The raw loop in a child process (this file again, `--raw-loop`); answers its seconds. */
async function rawLoopInChild(url: string, files: string[]): Promise<number> {
  const child = fork(__filename, ['--raw-loop', url, ...files], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [seconds] = (await once(child, 'message')) as [number];
  await once(child, 'exit');
  return seconds;
}

async function rawLoopChild(url: string, files: string[]): Promise<void> {
  const seconds = await timed(async () => {
    for (const path of files) await postFile(url, path);
  });
  process.send?.(seconds, () => process.exit(0));
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

/** utime + stime of a process, from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function peakRssKb(pid: number): number | undefined {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) : undefined;
}

const rawLoopArgs = process.argv.indexOf('--raw-loop');
(rawLoopArgs > 0 ? rawLoopChild(process.argv[rawLoopArgs + 1], process.argv.slice(rawLoopArgs + 2)) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
