import { Alert, Button, Group, Text } from '@mantine/core';

/** Shown on a 412: someone else wrote to the case since this form was opened. */
export function ConflictAlert({ onReload, reloading }: { onReload(): void; reloading: boolean }) {
  return (
    <Alert color="yellow" title="This case changed while you were editing" role="alert">
      <Text size="sm">
        Someone else updated this case after you opened the form, so nothing was saved. What you typed is still here. Reload the case to see the
        change, check your entry still makes sense, then save again.
      </Text>
      <Group mt="sm">
        <Button size="xs" variant="white" color="dark" onClick={onReload} loading={reloading}>
          Reload
        </Button>
      </Group>
    </Alert>
  );
}
