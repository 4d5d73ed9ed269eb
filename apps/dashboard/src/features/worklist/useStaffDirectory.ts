import type { StaffMember } from '@secondlook/contracts';
import { useQuery } from '@tanstack/react-query';
import { staffApi, staffKeys } from '../../api/users.api';
import { useAuth } from '../auth/useAuth';

export interface StaffDirectory {
  users: StaffMember[];
  nameOf(id: string | null | undefined): string | null;
}

/** Names for user ids (advocates, coordinators, the actors on the timeline), from the staff list. */
export function useStaffDirectory(): StaffDirectory {
  const { user, status } = useAuth();
  const staff = useQuery({
    queryKey: staffKeys.list(),
    queryFn: staffApi.list,
    enabled: status === 'signed-in',
    retry: false,
    staleTime: 60_000,
  });
  const items = staff.data?.items ?? [];
  return {
    users: items,
    nameOf: (id) => {
      if (!id) return null;
      if (user && id === user.id) return `${user.name} (you)`;
      return items.find((candidate) => candidate.id === id)?.name ?? null;
    },
  };
}
