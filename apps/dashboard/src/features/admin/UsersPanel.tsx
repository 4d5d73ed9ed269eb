import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Center, Group, Loader, Modal, PasswordInput, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { createUserBodySchema, ROLES, type CreateUserBody, type UserAccount } from '@secondlook/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { isApiError } from '../../api/http-client';
import { userKeys, usersApi } from '../../api/users.api';
import { formatDate } from '../../lib/format';
import { useAuth } from '../auth/useAuth';

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = { coordinator: 'Coordinator', advocate: 'Advocate', admin: 'Admin' };

function CreateUserForm({ onCreated }: { onCreated(): void }) {
  const queryClient = useQueryClient();
  const form = useForm<CreateUserBody>({ resolver: zodResolver(createUserBodySchema), defaultValues: { email: '', name: '', role: 'advocate', password: '' } });
  const creating = useMutation({
    mutationFn: usersApi.create,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onCreated();
    },
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((body) => creating.mutate(body))} noValidate aria-label="New user">
      <Stack>
        <TextInput label="Name" required {...form.register('name')} error={errors.name?.message} />
        <TextInput label="Email" type="email" required {...form.register('email')} error={errors.email?.message} />
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Select label="Role" required allowDeselect={false} data={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} value={field.value} onChange={(value) => field.onChange(value ?? 'advocate')} />
          )}
        />
        <PasswordInput label="Temporary password" required description="At least 12 characters; ask them to change it." {...form.register('password')} error={errors.password?.message} autoComplete="new-password" />
        {creating.isError && (
          <Alert color="red" title="Not created" role="alert">
            {isApiError(creating.error, 409) ? 'A user with that email already exists.' : creating.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={creating.isPending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function UsersPanel() {
  const { user: me } = useAuth();
  const queryClient = useQueryClient();
  const [creating, { open, close }] = useDisclosure(false);
  const users = useQuery({ queryKey: userKeys.list(), queryFn: usersApi.list });
  const toggle = useMutation({
    mutationFn: (user: UserAccount) => usersApi.update(user.id, { disabled: !user.disabledAt }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });

  return (
    <Stack component="section" aria-labelledby="users-title">
      <Group justify="space-between">
        <Title order={2} id="users-title">
          Users
        </Title>
        <Button onClick={open}>Add a user</Button>
      </Group>
      <Modal opened={creating} onClose={close} title="Add a user">
        <CreateUserForm onCreated={close} />
      </Modal>
      {users.isPending && (
        <Center>
          <Loader aria-label="Loading users" />
        </Center>
      )}
      {users.isError && <Alert color="red" title="Could not load the users">{users.error.message}</Alert>}
      {toggle.isError && <Alert color="red" title="Not changed">{toggle.error.message}</Alert>}
      {users.isSuccess && users.data.items.length === 0 && <Text c="dimmed">No users yet.</Text>}
      {users.isSuccess && users.data.items.length > 0 && (
        <Table aria-label="Users" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.items.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.name}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{ROLE_LABELS[user.role]}</Table.Td>
                <Table.Td>{formatDate(user.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge color={user.disabledAt ? 'gray' : 'teal'} variant="light">
                    {user.disabledAt ? 'Disabled' : 'Active'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {user.id !== me?.id && (
                    <Button size="compact-xs" variant="default" onClick={() => toggle.mutate(user)} loading={toggle.isPending && toggle.variables?.id === user.id} aria-label={`${user.disabledAt ? 'Enable' : 'Disable'} ${user.name}`}>
                      {user.disabledAt ? 'Enable' : 'Disable'}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
