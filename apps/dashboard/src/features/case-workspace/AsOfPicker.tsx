import { Button, Group, TextInput } from '@mantine/core';

const toLocalInput = (iso: string): string => {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/** "View as of": the case as it stood at a moment in the reader's time zone. */
export function AsOfPicker({ asOf, onChange }: { asOf: string | null; onChange(asOf: string | null): void }) {
  return (
    <Group gap="xs" align="flex-end">
      <TextInput
        label="View as of"
        type="datetime-local"
        size="xs"
        value={asOf ? toLocalInput(asOf) : ''}
        max={toLocalInput(new Date().toISOString())}
        onChange={(event) => {
          const value = event.currentTarget.value;
          const date = value ? new Date(value) : null;
          onChange(date && !Number.isNaN(date.getTime()) ? date.toISOString() : null);
        }}
      />
      {asOf && (
        <Button size="xs" variant="default" onClick={() => onChange(null)}>
          Back to now
        </Button>
      )}
    </Group>
  );
}
