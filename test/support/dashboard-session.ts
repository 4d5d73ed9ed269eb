import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { type RunningProduct, startProduct } from './running-product';

// Dashboard browser tests: a running product with real staff accounts, and the API calls a
// test makes to set up a case. Built on running-product.ts, which the security work owns.

export interface StaffAccount {
  id: string;
  email: string;
  password: string;
  name: string;
  role: 'coordinator' | 'advocate' | 'admin';
}

export interface DashboardProduct {
  product: RunningProduct;
  baseUrl: string;
  admin: StaffAccount;
  coordinator: StaffAccount;
  advocate: StaffAccount;
  otherAdvocate: StaffAccount;
  stop(): Promise<void>;
}

const PASSWORD = 'browser-test-password-2026';

export interface ApiSession {
  token: string;
  request<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
}

export async function apiSignIn(baseUrl: string, account: { email: string; password: string }): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${account.email} answered ${response.status}: ${await response.text()}`);
  const { accessToken: token } = (await response.json()) as { accessToken: string };
  return {
    token,
    async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const answer = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await answer.text();
      return { status: answer.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}

/** The product with a first admin (from ADMIN_EMAIL) who creates a coordinator and two advocates. */
export async function startDashboardProduct(options: { withWorker?: boolean; extraEnv?: NodeJS.ProcessEnv } = {}): Promise<DashboardProduct> {
  const adminEmail = 'first-admin@clinic.test';
  const product = await startProduct({ ...options, extraEnv: { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: PASSWORD, ...options.extraEnv } });
  try {
    const adminSession = await apiSignIn(product.baseUrl, { email: adminEmail, password: PASSWORD });
    const me = await adminSession.request<{ id: string; name: string }>('GET', '/api/auth/me');
    const create = async (name: string, email: string, role: StaffAccount['role']): Promise<StaffAccount> => {
      const created = await adminSession.request<{ id: string }>('POST', '/api/users', { email, name, role, password: PASSWORD });
      if (created.status !== 201) throw new Error(`creating ${email} answered ${created.status}: ${JSON.stringify(created.body)}`);
      return { id: created.body.id, email, password: PASSWORD, name, role };
    };
    return {
      product,
      baseUrl: product.baseUrl,
      admin: { id: me.body.id, email: adminEmail, password: PASSWORD, name: me.body.name, role: 'admin' },
      coordinator: await create('Casey Coordinator', 'casey@clinic.test', 'coordinator'),
      advocate: await create('Avery Advocate', 'avery@clinic.test', 'advocate'),
      otherAdvocate: await create('Blair Advocate', 'blair@clinic.test', 'advocate'),
      stop: () => product.stop(),
    };
  } catch (error) {
    await product.stop();
    throw error;
  }
}

/** Signs in through the dashboard's own sign-in screen. */
export async function signInThroughUi(page: Page, baseUrl: string, account: { email: string; password: string }, path = '/'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Email').fill(account.email);
  await page.locator('input[autocomplete="current-password"]').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export interface OpenedCase {
  id: string;
  version: number;
}

/** Opens a case through the api (for tests whose subject is not the open-case form). */
export async function openCaseViaApi(
  session: ApiSession,
  patient: { firstName: string; lastName: string; dateOfBirth?: string; mrn?: string },
  extra: Record<string, unknown> = {},
): Promise<OpenedCase> {
  const opened = await session.request<OpenedCase>('POST', '/api/cases', {
    patient: { dateOfBirth: '1975-06-01', ...patient },
    reasons: ['unclear-diagnosis'],
    urgency: 'routine',
    specialty: 'Rheumatology',
    currentProvider: 'Riverside General',
    ...extra,
  });
  if (opened.status !== 201) throw new Error(`open case answered ${opened.status}: ${JSON.stringify(opened.body)}`);
  return opened.body;
}

export async function commandViaApi(session: ApiSession, caseId: string, command: string, body: unknown): Promise<OpenedCase> {
  const detail = await session.request<{ version: number }>('GET', `/api/cases/${caseId}`);
  const answer = await session.request<OpenedCase>('POST', `/api/cases/${caseId}/commands/${command}`, body, { 'If-Match': `"${detail.body.version}"` });
  if (answer.status !== 200) throw new Error(`${command} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** axe-core on the page as it is: no serious or critical violation allowed. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const summary = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.html.slice(0, 120)}`).slice(0, 3).join(' | ')}`);
  expect({ screen, violations: summary }).toEqual({ screen, violations: [] });
}
