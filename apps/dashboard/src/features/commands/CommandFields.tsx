import { Autocomplete, Button, Checkbox, Fieldset, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { Controller, useFieldArray, useFormContext, type Control, type FieldErrors, type FieldValues } from 'react-hook-form';
import { emptyRow, type FieldSpec, type SelectOption } from './schema-fields';

export interface ReferenceOption extends SelectOption {
  /** Fields beside this one that the choice answers too (an uploaded document's kind), filled in while still empty. */
  fills?: Record<string, string>;
}

/**
 * Options for identifier fields, from the case and the clinic (requests, concerns, questions,
 * staff, uploaded documents), and suggestions for free-text fields (the clinic's records
 * destinations for `toProvider`), keyed by field name.
 */
export type ReferenceOptions = Partial<Record<string, ReferenceOption[]>>;

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
    case 'reference':
      return <ReferenceField field={field} path={path} control={control} options={references[field.name]} common={common} />;
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
            if (field.multiline) return <Textarea {...props} autosize minRows={2} maxRows={8} />;
            // Known names (a records destination must be named exactly) offered while typing; any text still goes.
            const suggestions = references[field.name];
            if (suggestions && suggestions.length > 0) return <Autocomplete {...props} data={suggestions.map((option) => option.value)} />;
            return <TextInput {...props} />;
          }}
        />
      );
  }
}

interface ReferenceFieldProps {
  field: FieldSpec;
  path: string;
  control: Control<FieldValues>;
  options: ReferenceOption[] | undefined;
  common: { label: string; required: boolean; error: string | undefined; disabled: boolean | undefined };
}

/** An identifier: a select of what the case has, or plain text when there is nothing to choose from. */
function ReferenceField({ field, path, control, options, common }: ReferenceFieldProps) {
  const form = useFormContext<FieldValues>();
  // Siblings of `documents.0.documentId` are `documents.0.kind`…; of a top-level field, top-level fields.
  const prefix = path.slice(0, path.length - field.name.length);
  const fillEmptySiblings = (fills: Record<string, string> | undefined) => {
    if (!fills || !form) return;
    for (const [name, value] of Object.entries(fills)) {
      const current: unknown = form.getValues(`${prefix}${name}`);
      if (current === undefined || current === '') form.setValue(`${prefix}${name}`, value, { shouldValidate: form.formState.isSubmitted });
    }
  };
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
            onChange={(value) => {
              input.onChange(value ?? '');
              fillEmptySiblings(options.find((option) => option.value === value)?.fills);
            }}
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
