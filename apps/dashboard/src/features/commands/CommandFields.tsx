import { Button, Checkbox, Fieldset, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { Controller, useFieldArray, type Control, type FieldErrors, type FieldValues } from 'react-hook-form';
import { emptyRow, type FieldSpec, type SelectOption } from './schema-fields';

/** Options for identifier fields, from the case and the clinic (requests, concerns, questions, staff). */
export type ReferenceOptions = Partial<Record<string, SelectOption[]>>;

interface FieldProps {
  field: FieldSpec;
  path: string;
  control: Control<FieldValues>;
  errors: FieldErrors<FieldValues>;
  references: ReferenceOptions;
  disabled?: boolean;
}

const errorAt = (errors: FieldErrors<FieldValues>, path: string): string | undefined => {
  let node: unknown = errors;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
};

export function CommandField({ field, path, control, errors, references, disabled }: FieldProps) {
  const error = errorAt(errors, path);
  const common = { label: field.label, required: field.required, error, disabled };

  switch (field.kind) {
    case 'rows':
      return <RowsField field={field} path={path} control={control} errors={errors} references={references} disabled={disabled} />;
    case 'boolean':
      return (
        <Controller
          control={control}
          name={path}
          render={({ field: input }) => (
            <Checkbox
              label={field.label}
              checked={input.value === true}
              onChange={(event) => input.onChange(event.currentTarget.checked)}
              onBlur={input.onBlur}
              ref={input.ref}
              error={error}
              disabled={disabled}
            />
          )}
        />
      );
    case 'enum':
      return (
        <Controller
          control={control}
          name={path}
          render={({ field: input }) => (
            <Select
              {...common}
              data={field.options}
              value={(input.value as string) || null}
              onChange={(value) => input.onChange(value ?? '')}
              onBlur={input.onBlur}
              ref={input.ref}
              clearable={!field.required}
              placeholder={field.required ? 'Choose…' : 'Optional'}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
      );
    case 'reference': {
      const options = references[field.name];
      return (
        <Controller
          control={control}
          name={path}
          render={({ field: input }) =>
            options && options.length > 0 ? (
              <Select
                {...common}
                data={options}
                value={(input.value as string) || null}
                onChange={(value) => input.onChange(value ?? '')}
                onBlur={input.onBlur}
                ref={input.ref}
                clearable={!field.required}
                searchable
                placeholder={field.required ? 'Choose…' : 'Optional'}
              />
            ) : (
              <TextInput {...common} value={(input.value as string) ?? ''} onChange={input.onChange} onBlur={input.onBlur} ref={input.ref} />
            )
          }
        />
      );
    }
    case 'number':
      return (
        <Controller
          control={control}
          name={path}
          render={({ field: input }) => (
            <NumberInput
              {...common}
              value={input.value as number | string}
              onChange={input.onChange}
              onBlur={input.onBlur}
              ref={input.ref}
              min={field.money ? 0 : (field.min ?? undefined)}
              decimalScale={field.money ? 2 : 0}
              description={field.money ? 'In the currency below (USD when left blank)' : undefined}
              thousandSeparator
            />
          )}
        />
      );
    case 'date':
    case 'datetime':
    case 'text':
      return (
        <Controller
          control={control}
          name={path}
          render={({ field: input }) => {
            const props = { ...common, value: (input.value as string) ?? '', onChange: input.onChange, onBlur: input.onBlur, ref: input.ref };
            if (field.kind === 'date') return <TextInput {...props} type="date" />;
            if (field.kind === 'datetime') return <TextInput {...props} type="datetime-local" description="In your time zone" />;
            return field.multiline ? <Textarea {...props} autosize minRows={2} maxRows={8} /> : <TextInput {...props} />;
          }}
        />
      );
  }
}

function RowsField({ field, path, control, errors, references, disabled }: FieldProps & { field: Extract<FieldSpec, { kind: 'rows' }> }) {
  const rows = useFieldArray({ control, name: path });
  const singular = field.label.replace(/s$/, '').toLowerCase();
  const error = errorAt(errors, path);
  return (
    <Fieldset legend={field.label} variant="filled">
      <Stack gap="sm">
        {rows.fields.map((row, index) => (
          <Group key={row.id} align="flex-start" gap="sm" role="group" aria-label={`${field.label} ${index + 1}`}>
            {field.fields.map((inner) => (
              <div key={inner.name} style={{ flex: '1 1 200px' }}>
                <CommandField field={inner} path={`${path}.${index}.${inner.name}`} control={control} errors={errors} references={references} disabled={disabled} />
              </div>
            ))}
            <Button
              variant="subtle"
              color="red"
              mt={24}
              onClick={() => rows.remove(index)}
              disabled={disabled || rows.fields.length <= Math.max(1, field.minRows)}
              aria-label={`Remove ${singular} ${index + 1}`}
            >
              Remove
            </Button>
          </Group>
        ))}
        {error && (
          <div role="alert" style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}>
            {error}
          </div>
        )}
        <Group>
          <Button variant="light" size="xs" onClick={() => rows.append(emptyRow(field.fields))} disabled={disabled}>
            Add {singular}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
