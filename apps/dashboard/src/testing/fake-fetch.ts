/** A fake `fetch` for component tests: answers queued per call, records every request. */
export interface FakeResponse {
  status: number;
  body?: unknown;
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export function installFakeFetch(): { answer(response: FakeResponse): void; requests: RecordedRequest[]; mock: jest.Mock } {
  const queue: FakeResponse[] = [];
  const requests: RecordedRequest[] = [];
  const mock = jest.fn(async (url: string, init: RequestInit = {}) => {
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([key, value]) => [key.toLowerCase(), value]));
    requests.push({ url, method: init.method ?? 'GET', headers, body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body });
    const next = queue.shift() ?? { status: 500, body: { statusCode: 500, error: 'no-fake-answer', message: `No fake answer for ${url}` } };
    return {
      ok: next.status >= 200 && next.status < 300,
      status: next.status,
      statusText: String(next.status),
      json: async () => next.body,
    } as Response;
  });
  global.fetch = mock as unknown as typeof fetch;
  return { answer: (response) => queue.push(response), requests, mock };
}
