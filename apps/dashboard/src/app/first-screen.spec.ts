import { QueryClient } from '@tanstack/react-query';
import { caseKeys } from '../api/cases.api';
import { worklistFiltersFrom } from '../features/worklist/worklist-filters';
import { installFakeFetch } from '../testing/fake-fetch';

const session = (role: 'coordinator' | 'advocate' | 'admin') => ({
  status: 200,
  body: { accessToken: 'access-token', expiresAt: '2030-01-01T00:00:00.000Z', user: { id: 'u1', email: 'casey@clinic.test', name: 'Casey', role } },
});
const page = { status: 200, body: { items: [{ id: 'c1', patientName: 'Rowan Testcase' }], nextCursor: 'next' } };

// The session is restored once per page load (a module-level promise): each test loads the modules afresh.
async function start(location: { pathname: string; search: string }) {
  jest.resetModules();
  const { startFirstScreen } = await import('./first-screen');
  const queryClient = new QueryClient();
  await startFirstScreen(queryClient, location);
  return queryClient;
}

describe('startFirstScreen', () => {
  it('asks for the worklist’s first page as soon as the session is back, under the key the page reads', async () => {
    const fake = installFakeFetch();
    fake.answer(session('coordinator'));
    fake.answer(page);
    const queryClient = await start({ pathname: '/', search: '' });

    expect(fake.requests.map((request) => request.url)).toEqual(['/api/auth/refresh', '/api/cases?sort=age&limit=25']);
    expect(fake.requests[1].headers.authorization).toBe('Bearer access-token');
    const filters = worklistFiltersFrom(new URLSearchParams(''), 'all');
    expect(queryClient.getQueryData(caseKeys.list(filters))).toEqual({ pages: [page.body], pageParams: [null] });
  });

  it('follows the address bar and the role: an advocate’s own cases unless the link says otherwise', async () => {
    const fake = installFakeFetch();
    fake.answer(session('advocate'));
    fake.answer(page);
    await start({ pathname: '/', search: '?phase=records' });
    expect(fake.requests[1].url).toBe('/api/cases?phase=records&assignedTo=me&sort=age&limit=25');
  });

  it('asks for no cases when nobody is signed in, for an admin, or on another page', async () => {
    const signedOut = installFakeFetch();
    signedOut.answer({ status: 401, body: { statusCode: 401, error: 'authentication-required', message: 'Sign in' } });
    await start({ pathname: '/', search: '' });
    expect(signedOut.requests.map((request) => request.url)).toEqual(['/api/auth/refresh']);

    const admin = installFakeFetch();
    admin.answer(session('admin'));
    await start({ pathname: '/', search: '' });
    expect(admin.requests.map((request) => request.url)).toEqual(['/api/auth/refresh']);

    const elsewhere = installFakeFetch();
    elsewhere.answer(session('coordinator'));
    await start({ pathname: '/cases/c1', search: '' });
    expect(elsewhere.requests.map((request) => request.url)).toEqual(['/api/auth/refresh']);
  });
});
