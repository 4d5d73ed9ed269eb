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
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Runs autocannon against the api (a separate process) and computes exact percentiles from every response. */
export async function load(options: { url: string; connections: number; seconds: number; headers: Record<string, string>; method?: string; body?: string; setupRequest?: (request: { path: string }) => { path: string } }): Promise<LoadResult> {
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
  times.sort((a, b) => a - b);
  return { requests: times.length, perSecond: ok / options.seconds, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), non2xx: result.non2xx };
}
