import { Alert, Tabs } from '@mantine/core';
import { useAuth } from '../auth/useAuth';
import { AuditPanel } from './AuditPanel';
import { UsersPanel } from './UsersPanel';

/** Admins manage users and read the audit trail; they see no case data. */
export default function AdminPage() {
  const { role } = useAuth();
  if (role !== 'admin') return <Alert color="yellow" title="Admins only">This area is for administrators.</Alert>;
  return (
    <Tabs defaultValue="users" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="users">Users</Tabs.Tab>
        <Tabs.Tab value="audit">Audit trail</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="users">
        <UsersPanel />
      </Tabs.Panel>
      <Tabs.Panel value="audit">
        <AuditPanel />
      </Tabs.Panel>
    </Tabs>
  );
}
