import type { UserAccount } from '@secondlook/contracts';
import { useQuery } from '@tanstack/react-query';
import { userKeys, usersApi } from '../../api/users.api';
import { useAuth } from '../auth/useAuth';

export interface StaffDirectory {
  users: UserAccount[];
  nameOf(id: string | null | undefined): string | null;
}

/**
 * Names for user ids (advocates, coordinators, the actors on the timeline). The users list
 * may be an admin-only route: without it, screens fall back to "You" and roles.
 */
export function useStaffDirectory(): StaffDirectory {
  const { user, status } = useAuth();
  const users = useQuery({
    queryKey: userKeys.list(),
    queryFn: usersApi.list,
    enabled: status === 'signed-in',
    retry: false,
    staleTime: 60_000,
  });
  const items = users.data?.items ?? [];
  return {
    users: items,
    nameOf: (id) => {
      if (!id) return null;
      if (user && id === user.id) return `${user.name} (you)`;
      return items.find((candidate) => candidate.id === id)?.name ?? null;
    },
  };
}
