import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { once } from 'node:events';

export interface RecordsDestination {
  id: string;
  name: string;
  fhirBaseUrl: string;
  /** Credentials: sent as the Authorization header, never logged or put in an error. */
  authorization: string | null;
}

export interface PostedTransaction {
  status: number;
  /** Where the destination put the DocumentReference (transaction-response location), or its Bundle id. */
  receipt: string;
}

/** A failure worth retrying: the destination is down, busy or slow. */
export class DestinationUnavailableError extends Error {
  override readonly name = 'DestinationUnavailableError';
}

/** An answer retrying will not change (a 400 or 401); `status` lets a caller try another form of the request. */
export class DestinationRefusedError extends UnrecoverableError {
  override readonly name = 'DestinationRefusedError';

  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Chunks of a request body. Strings must be ASCII (base64): they go to the socket as latin1, with no Buffer made for them. */
export type RequestBody = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);
const MAX_RESPONSE_BYTES = 1024 * 1024;

interface Exchange {
  method: 'POST' | 'PUT';
  /** Relative to the destination's FHIR base URL. */
  path: string;
  contentType: string;
  body: RequestBody;
  contentLength: number;
  timeoutMs: number;
}

/**
 * Sends requests to a destination's FHIR base URL, streaming each body with a
 * known Content-Length. 2xx is a receipt; 408, 429 and 5xx are worth another
 * attempt; any other answer (a 400 or 401) will not get better by retrying, so it
 * fails the job at once.
 */
@Injectable()
export class FhirDestinationClient {
  /** POSTs one transaction Bundle to the base URL. */
  async postTransaction(destination: RecordsDestination, body: RequestBody, contentLength: number, timeoutMs: number): Promise<PostedTransaction> {
    const { status, text, res } = await this.exchange(destination, { method: 'POST', path: '', contentType: 'application/fhir+json', body, contentLength, timeoutMs });
    return { status, receipt: receiptOf(text, res) };
  }

  /**
   * PUTs a file as a Binary in its native form (FHIR REST: a Binary created or
   * updated with the content's own mime type is the raw bytes, no base64). Update
   * as create on a client-chosen id, so sending it again replaces it in place.
   */
  async putBinary(destination: RecordsDestination, binaryId: string, contentType: string, body: RequestBody, contentLength: number, timeoutMs: number): Promise<void> {
    await this.exchange(destination, { method: 'PUT', path: `Binary/${encodeURIComponent(binaryId)}`, contentType, body, contentLength, timeoutMs });
  }

  private async exchange(destination: RecordsDestination, exchange: Exchange): Promise<{ status: number; text: string; res: IncomingMessage }> {
    const base = destination.fhirBaseUrl.endsWith('/') ? destination.fhirBaseUrl : `${destination.fhirBaseUrl}/`;
    const url = new URL(exchange.path, base);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers: Record<string, string> = {
      'content-type': exchange.contentType,
      accept: 'application/fhir+json',
      'content-length': String(exchange.contentLength),
      prefer: 'return=minimal',
    };
    if (destination.authorization) headers['authorization'] = destination.authorization;

    const req = send(url, { method: exchange.method, headers, timeout: exchange.timeoutMs });
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      req.once('response', resolve);
      req.once('error', reject);
      req.once('timeout', () => req.destroy(new DestinationUnavailableError(`${destination.name} did not answer within ${exchange.timeoutMs} ms`)));
    });
    response.catch(() => undefined);
    try {
      await writeBody(exchange.body, req);
    } catch (error) {
      // The destination may answer early (a 413 or 401) and close: its answer says more than the broken pipe.
      const early = await Promise.race([response, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 50))]).catch(() => undefined);
      if (!early) throw asRetryable(error, destination);
      early.resume();
      throw refusal(early.statusCode ?? 0, destination, '');
    }
    let res: IncomingMessage;
    try {
      res = await response;
    } catch (error) {
      throw asRetryable(error, destination);
    }
    const text = await readCapped(res);
    const status = res.statusCode ?? 0;
    if (status < 200 || status > 299) throw refusal(status, destination, text);
    return { status, text, res };
  }
}

/** Writes chunk by chunk, waiting for 'drain' when the socket is full, so memory holds a few chunks at most. */
async function writeBody(body: RequestBody, req: ClientRequest): Promise<void> {
  const failed = once(req, 'error').then(([error]) => {
    throw error;
  });
  failed.catch(() => undefined);
  for await (const chunk of body) {
    if (req.destroyed) throw new DestinationUnavailableError('connection closed');
    if (!(typeof chunk === 'string' ? req.write(chunk, 'latin1') : req.write(chunk))) await Promise.race([once(req, 'drain'), failed]);
  }
  await new Promise<void>((resolve, reject) => req.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function asRetryable(error: unknown, destination: RecordsDestination): Error {
  if (error instanceof DestinationUnavailableError) return error;
  const code = (error as { code?: string }).code ?? (error as Error).message;
  return new DestinationUnavailableError(`${destination.name} unreachable: ${code}`);
}

function refusal(status: number, destination: RecordsDestination, text: string): Error {
  const message = `${destination.name} answered ${status}${outcomeOf(text)}`;
  return RETRYABLE.has(status) || status === 0 ? new DestinationUnavailableError(message) : new DestinationRefusedError(message, status);
}

/** The OperationOutcome's issue codes, not its diagnostics text, which may quote the data. */
function outcomeOf(text: string): string {
  try {
    const outcome = JSON.parse(text) as { resourceType?: string; issue?: Array<{ code?: string }> };
    if (outcome.resourceType !== 'OperationOutcome' || !outcome.issue) return '';
    return ` (${outcome.issue.map((issue) => issue.code).filter(Boolean).join(', ')})`;
  } catch {
    return '';
  }
}

function receiptOf(text: string, res: IncomingMessage): string {
  try {
    const bundle = JSON.parse(text) as { id?: string; entry?: Array<{ response?: { location?: string } }> };
    const location = bundle.entry?.map((entry) => entry.response?.location).find((value) => typeof value === 'string');
    if (location) return location;
    if (bundle.id) return `Bundle/${bundle.id}`;
  } catch {
    // not JSON: fall through to headers
  }
  const header = res.headers['location'] ?? res.headers['content-location'];
  return typeof header === 'string' ? header : `HTTP ${res.statusCode ?? 200}`;
}

async function readCapped(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
