import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { OPENING_REASONS, URGENCIES } from '@secondlook/domain';
import { openCaseBodySchema, type OpenCaseBody } from '@secondlook/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { caseKeys, casesApi } from '../../api/cases.api';

const REASON_LABELS: Record<(typeof OPENING_REASONS)[number], string> = {
  'dissatisfied-with-diagnosis': 'Dissatisfied with the diagnosis',
  'felt-dismissed': 'Felt dismissed',
  'unclear-diagnosis': 'Unclear diagnosis',
  'treatment-not-working': 'Treatment not working',
  'exploring-alternatives': 'Exploring less invasive alternatives',
  'uncomfortable-with-doctor': 'Uncomfortable with the current doctor',
};

export function OpenCaseForm({ onOpened }: { onOpened: (id: string) => void }) {
  const queryClient = useQueryClient();
  const form = useForm<OpenCaseBody>({
    resolver: zodResolver(openCaseBodySchema),
    defaultValues: { patient: { firstName: '', lastName: '', dateOfBirth: '' }, reasons: [], urgency: 'routine', specialty: '' },
  });
  const opening = useMutation({
    mutationFn: casesApi.open,
    onSuccess: async (result) => {
      // A new case changes the lists and the counts above them alike.
      await Promise.all([queryClient.invalidateQueries({ queryKey: caseKeys.lists() }), queryClient.invalidateQueries({ queryKey: caseKeys.counts() })]);
      form.reset();
      onOpened(result.id);
    },
  });
  const { errors } = form.formState;

  return (
    <form onSubmit={form.handleSubmit((body) => opening.mutate(body))} noValidate>
      <Stack>
        <Group grow>
          <TextInput label="First name" required {...form.register('patient.firstName')} error={errors.patient?.firstName?.message} />
          <TextInput label="Last name" required {...form.register('patient.lastName')} error={errors.patient?.lastName?.message} />
        </Group>
        <Group grow>
          <TextInput label="Date of birth" type="date" required {...form.register('patient.dateOfBirth')} error={errors.patient?.dateOfBirth?.message} />
          <TextInput label="Specialty" required {...form.register('specialty')} error={errors.specialty?.message} />
        </Group>
        <Controller
          control={form.control}
          name="urgency"
          render={({ field }) => (
            <Select label="Urgency" data={[...URGENCIES]} value={field.value} onChange={(value) => field.onChange(value ?? 'routine')} allowDeselect={false} />
          )}
        />
        <Controller
          control={form.control}
          name="reasons"
          render={({ field }) => (
            <Checkbox.Group label="Why a second opinion?" required value={field.value} onChange={field.onChange} error={errors.reasons?.message}>
              <Stack gap={4} mt={4}>
                {OPENING_REASONS.map((reason) => (
                  <Checkbox key={reason} value={reason} label={REASON_LABELS[reason]} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        {opening.isError && <Alert color="red" title="The case was not opened">{opening.error.message}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={opening.isPending}>Open case</Button>
        </Group>
      </Stack>
    </form>
  );
}
