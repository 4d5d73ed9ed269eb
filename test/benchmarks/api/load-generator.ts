import { readFileSync } from 'node:fs';
// autocannon ships no types; this is the slice of its API the benchmark uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: object) => AutocannonInstance;

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
  then: Promise<{ requests: { average: number }; non2xx: number; errors: number; duration: number }>['then'];
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  /** CPU time the measured process spent per request (user + system), when its pid was given. */
  cpuMsPerRequest?: number;
}

/** utime + stime of a process in milliseconds, from /proc (Linux). */
function cpuMillis(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // After "pid (comm) ", utime and stime are the 12th and 13th fields, in clock ticks (100 Hz here).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Runs autocannon against the api (a separate process) and computes exact percentiles from every response. */
export async function load(options: { url: string; connections: number; seconds: number; headers: Record<string, string>; method?: string; body?: string; setupRequest?: (request: { path: string }) => { path: string }; cpuOfPid?: number }): Promise<LoadResult> {
  const cpuBefore = options.cpuOfPid ? cpuMillis(options.cpuOfPid) : undefined;
  const times: number[] = [];
  let ok = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    requests: options.setupRequest ? [{ setupRequest: options.setupRequest }] : undefined,
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    if (statusCode < 300) ok++;
  });
  const result = await instance;
  const cpuMsPerRequest = cpuBefore === undefined || !options.cpuOfPid ? undefined : (cpuMillis(options.cpuOfPid) - cpuBefore) / Math.max(1, times.length);
  times.sort((a, b) => a - b);
  return { requests: times.length, perSecond: ok / options.seconds, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), non2xx: result.non2xx, cpuMsPerRequest };
}
