import type { QueryClient } from '@tanstack/react-query';
import { restoreSessionOnce } from '../api/http-client';
import { worklistFiltersFrom, worklistViewFrom } from '../features/worklist/worklist-filters';
import { worklistQuery } from '../features/worklist/worklist-query';

/**
 * What the first screen needs, started before React renders anything: the session (through
 * the refresh cookie), the worklist's code and, as soon as the session is back, the worklist's
 * first page. Without this the list request waits for the worklist chunk to download and run
 * and for React to mount the page; with it, data and code arrive side by side.
 */
export function startFirstScreen(queryClient: QueryClient, location: Pick<Location, 'pathname' | 'search'> = window.location): Promise<void> {
  const restored = restoreSessionOnce();
  if (location.pathname !== '/') return restored.then(() => undefined, () => undefined);
  void import('../features/worklist/WorklistPage');
  return restored.then(
    async (session) => {
      // Admins land on /admin; signed-out visitors see the sign-in form.
      if (!session || session.user.role === 'admin') return;
      const params = new URLSearchParams(location.search);
      await queryClient.prefetchInfiniteQuery(worklistQuery(worklistFiltersFrom(params, worklistViewFrom(params, session.user.role))));
    },
    () => undefined,
  );
}
