import type { RecordsDestinationView } from '@secondlook/contracts';
import { apiFetch } from './http-client';

export const providerKeys = {
  destinations: () => ['providers', 'destinations'] as const,
};

/** The clinic's records destinations (coordinators and admins may read them). */
export const providersApi = {
  async destinations(): Promise<RecordsDestinationView[]> {
    return (await apiFetch<{ items: RecordsDestinationView[] }>('/api/providers')).items;
  },
};
