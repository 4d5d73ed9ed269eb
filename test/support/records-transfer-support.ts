import type { DocumentView, RecordsTransferView } from '@secondlook/contracts';
import type { CaseDetail } from '@secondlook/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { freePort, type RunningProduct, waitUntil } from './running-product';

type Role = 'coordinator' | 'advocate' | 'admin';

/** The first admin the api creates at start-up; pass `adminEnv` to startProduct's extraEnv. */
export const TEST_ADMIN = { email: 'records-admin@test.secondlook.test', password: 'records-admin-password-1' };
export const adminEnv = { ADMIN_EMAIL: TEST_ADMIN.email, ADMIN_PASSWORD: TEST_ADMIN.password };

/**
 * Headers for a signed-in user of `role`. Uses the running product's own sign-in
 * helper when it has one; otherwise signs in as the start-up admin (adminEnv) and,
 * for another role, creates that user through POST /api/users and signs in as them.
 */
export async function authHeaders(product: RunningProduct, role: Role = 'coordinator'): Promise<Record<string, string>> {
  const signIn = (product as unknown as { signIn?: (role: Role) => Promise<string> }).signIn;
  if (signIn) return { authorization: await signIn.call(product, role) };
  const login = async (email: string, password: string): Promise<string | undefined> => {
    const response = await fetch(`${product.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'secondlook' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status === 404) return undefined; // no authentication in this build
    if (!response.ok) throw new Error(`login answered ${response.status}: ${await response.text()}`);
    return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
  };
  const admin = await login(TEST_ADMIN.email, TEST_ADMIN.password);
  if (!admin) return {};
  if (role === 'admin') return { authorization: admin };
  const email = `${role}-${Math.random().toString(36).slice(2, 10)}@test.secondlook.test`;
  const password = `password-${Math.random().toString(36).slice(2)}`;
  const created = await fetch(`${product.baseUrl}/api/users`, {
    method: 'POST',
    headers: { authorization: admin, 'content-type': 'application/json', 'x-requested-with': 'secondlook' },
    body: JSON.stringify({ email, name: `Records ${role}`, role, password }),
  });
  if (!created.ok) throw new Error(`creating a ${role} answered ${created.status}: ${await created.text()}`);
  return { authorization: (await login(email, password)) as string };
}

export class ProductClient {
  constructor(
    readonly product: RunningProduct,
    private readonly headers: Record<string, string>,
  ) {}

  static async for(product: RunningProduct, role: Role = 'coordinator'): Promise<ProductClient> {
    return new ProductClient(product, await authHeaders(product, role));
  }

  async json<T>(method: string, path: string, body?: unknown, expected = [200, 201, 202]): Promise<T> {
    const response = await fetch(`${this.product.baseUrl}${path}`, {
      method,
      headers: { ...this.headers, 'x-requested-with': 'secondlook', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expected.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  raw(method: string, path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.product.baseUrl}${path}`, { ...init, method, headers: { ...this.headers, 'x-requested-with': 'secondlook', ...(init.headers as Record<string, string> | undefined) } });
  }

  async openCase(urgency: 'urgent' | 'soon' | 'routine' = 'soon'): Promise<string> {
    const { id } = await this.json<{ id: string }>('POST', '/api/cases', {
      patient: { firstName: 'Rhea', lastName: 'Records', dateOfBirth: '1971-04-02' },
      reasons: ['unclear-diagnosis'],
      urgency,
      specialty: 'Oncology',
    });
    return id;
  }

  async addDestination(name: string, fhirBaseUrl: string, authorization?: string): Promise<void> {
    await this.json('POST', '/api/providers', { name, fhirBaseUrl, authorization });
  }

  async upload(caseId: string, bytes: Buffer, fileName: string, contentType = 'application/pdf', kind = 'pathology-reports'): Promise<DocumentView> {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), fileName);
    const response = await this.raw('POST', `/api/cases/${caseId}/documents`, { body: form });
    if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as DocumentView;
  }

  /** request-records naming the uploaded documents; answers the new records request's id. */
  async requestRecords(caseId: string, toProvider: string, documents: DocumentView[]): Promise<string> {
    await this.json('POST', `/api/cases/${caseId}/commands/request-records`, {
      fromProvider: 'Riverside General',
      toProvider,
      documents: documents.map((document) => ({ kind: document.kind, description: `Document ${document.id.slice(0, 8)}`, documentId: document.id })),
    });
    const detail = await this.caseDetail(caseId);
    return detail.state.records[detail.state.records.length - 1].requestId;
  }

  caseDetail(caseId: string): Promise<CaseDetail> {
    return this.json<CaseDetail>('GET', `/api/cases/${caseId}`);
  }

  transfer(caseId: string, requestId: string): Promise<RecordsTransferView> {
    return this.json<RecordsTransferView>('GET', `/api/cases/${caseId}/records-requests/${requestId}/transfer`);
  }

  async waitForRecordsStatus(caseId: string, requestId: string, status: string, timeoutMs = 30_000): Promise<CaseDetail> {
    let detail: CaseDetail | undefined;
    await waitUntil(
      async () => {
        detail = await this.caseDetail(caseId);
        return detail.state.records.find((request) => request.requestId === requestId)?.status === status;
      },
      `records request ${requestId} to be ${status}`,
      timeoutMs,
    ).catch((error: Error) => {
      throw new Error(`${error.message} (last: ${JSON.stringify(detail?.state.records)})\n${this.product.logs().slice(-4000)}`);
    });
    return detail as CaseDetail;
  }
}

/** Deterministic pseudo-random bytes, so a document's content is reproducible from its seed. */
export function documentBytes(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = seed * 2654435761 + 1;
  for (let i = 0; i < size; i += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes.writeUInt32LE(state, Math.min(i, size - 4));
  }
  return bytes;
}

export { deleteRedisPrefix } from '../../apps/api/src/testing/redis-prefix';

/** A Redis of the test's own, so stopping it never disturbs the shared one on 6379. */
export class PrivateRedis {
  private process?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitUntil(async () => {
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    }, 'the private redis-server to answer', 10_000);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
