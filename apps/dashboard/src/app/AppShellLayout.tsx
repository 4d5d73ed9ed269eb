import { Anchor, AppShell, Badge, Button, Group, Text, Title } from '@mantine/core';
import { Link, NavLink, Outlet } from 'react-router';
import { useAuth } from '../features/auth/useAuth';

const ROLE_LABELS = { coordinator: 'Coordinator', advocate: 'Advocate', admin: 'Admin' } as const;

export function AppShellLayout() {
  const { user, role, status, signOut } = useAuth();
  // Reports: admins see every breakdown, coordinators the non-demographic ones; advocates none.
  const links =
    role === 'admin'
      ? [{ to: '/admin', label: 'Users and audit' }, { to: '/reports', label: 'Reports' }]
      : role === 'coordinator'
        ? [{ to: '/', label: 'Worklist' }, { to: '/reports', label: 'Reports' }]
        : [{ to: '/', label: 'Worklist' }];

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={1} size="h3">
                SecondLook
              </Title>
            </Anchor>
            <nav aria-label="Main">
              <Group gap="sm">
                {links.map((link) => (
                  <Anchor
                    key={link.to}
                    component={NavLink}
                    to={link.to}
                    end
                    fw={500}
                  >
                    {link.label}
                  </Anchor>
                ))}
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {status === 'auth-not-enabled' && (
              <Badge color="yellow" variant="light">
                Sign-in not enabled on this server
              </Badge>
            )}
            {user && (
              <>
                <Text size="sm">
                  {user.name} <Text span c="dimmed" size="sm">({ROLE_LABELS[user.role]})</Text>
                </Text>
                <Button variant="default" size="xs" onClick={() => void signOut()}>
                  Sign out
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
