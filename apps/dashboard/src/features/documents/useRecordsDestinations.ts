import type { RecordsDestinationView } from '@secondlook/contracts';
import { useQuery } from '@tanstack/react-query';
import { providerKeys, providersApi } from '../../api/providers.api';

/**
 * Where records can be sent electronically. A records request's "to provider" must name one
 * of these exactly, or the transfer fails; the request form offers them while typing. Only
 * coordinators may list them: for anyone else the form stays free text.
 */
export function useRecordsDestinations(enabled: boolean): RecordsDestinationView[] {
  const destinations = useQuery({ queryKey: providerKeys.destinations(), queryFn: providersApi.destinations, enabled, staleTime: 60_000, retry: false });
  return destinations.data ?? [];
}
