import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { commandBodySchemas, type CaseWriteResponse, type CommandBodyName } from '@secondlook/contracts';
import { COMMAND_LABELS } from '@secondlook/domain';
import { useMemo, useState } from 'react';
import { FormProvider, useForm, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';
import { isApiError } from '../../api/http-client';
import { CommandField, type ReferenceOptions } from './CommandFields';
import { ConflictAlert } from './ConflictAlert';
import { describeIssue, describeSchema, emptyValues, toBody, type FieldSpec, type FormValues } from './schema-fields';
import { useCaseCommand } from './useCaseCommand';

export interface CommandFormProps {
  caseId: string;
  command: CommandBodyName;
  /** The case version the user is looking at when the form opens: sent as If-Match. */
  version: number;
  defaults?: FormValues;
  references?: ReferenceOptions;
  /** Refetches the case underneath the form; resolves its current version. */
  onReload(): Promise<number>;
  onDone?(result: CaseWriteResponse): void;
  onCancel?(): void;
}

function setPath(target: Record<string, unknown>, path: Array<PropertyKey>, value: unknown): void {
  let node = target;
  path.forEach((key, index) => {
    const name = String(key);
    if (index === path.length - 1) {
      node[name] ??= value;
      return;
    }
    node[name] ??= {};
    node = node[name] as Record<string, unknown>;
  });
}

/** Validates with the contract's own schema, on the body the form would send. */
function schemaResolver(command: CommandBodyName, fields: FieldSpec[]): Resolver<FieldValues> {
  const schema = commandBodySchemas[command];
  return (values) => {
    const result = schema.safeParse(toBody(fields, values as FormValues));
    if (result.success) return { values: result.data as FieldValues, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of result.error.issues) {
      setPath(errors, issue.path.length > 0 ? issue.path : ['root'], { type: issue.code, message: describeIssue(issue) });
    }
    return { values: {}, errors: errors as FieldErrors<FieldValues> };
  };
}

/** A form for any case command, generated from its body schema in libs/contracts. */
export function CommandForm({ caseId, command, version, defaults, references = {}, onReload, onDone, onCancel }: CommandFormProps) {
  const fields = useMemo(() => describeSchema(command, commandBodySchemas[command]), [command]);
  const [resolver] = useState(() => schemaResolver(command, fields));
  const form = useForm<FieldValues>({ resolver, defaultValues: emptyValues(fields, defaults) });
  const [expectedVersion, setExpectedVersion] = useState(version);
  const [reloading, setReloading] = useState(false);
  const sending = useCaseCommand(caseId, command);
  const conflict = isApiError(sending.error, 412);
  const formId = `command-${command}`;

  const submit = form.handleSubmit((body) => {
    sending.mutate(
      { body, expectedVersion },
      {
        onSuccess: (result) => onDone?.(result),
        onError: (error) => {
          if (!isApiError(error, 400)) return;
          for (const problem of error.fieldProblems) {
            if (problem.field) form.setError(problem.field, { type: 'server', message: problem.problem });
          }
        },
      },
    );
  });

  const reload = async () => {
    setReloading(true);
    try {
      const latest = await onReload();
      setExpectedVersion(latest);
      sending.reset();
    } finally {
      setReloading(false);
    }
  };

  // The provider lets a choice fill in the fields beside it (an uploaded document → its kind).
  return (
    <FormProvider {...form}>
      <form id={formId} onSubmit={(event) => void submit(event)} noValidate aria-label={COMMAND_LABELS[command]}>
        <Stack gap="sm">
          {fields.length === 0 && (
            <Text size="sm" c="dimmed">
              Nothing to fill in: confirm to record it.
            </Text>
          )}
          {fields.map((field) => (
            <CommandField key={field.name} field={field} path={field.name} control={form.control} errors={form.formState.errors} references={references} />
          ))}
          {conflict && <ConflictAlert onReload={() => void reload()} reloading={reloading} />}
          {sending.isError && !conflict && (
            <Alert color="red" role="alert" title={isApiError(sending.error, 409) ? 'Not allowed right now' : 'Not saved'}>
              {sending.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            )}
            <Button type="submit" loading={sending.isPending} disabled={conflict}>
              {COMMAND_LABELS[command]}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
