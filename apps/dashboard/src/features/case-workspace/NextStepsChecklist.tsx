import { Badge, Button, Group, List, Paper, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { COMMAND_LABELS, type NextStep } from '@secondlook/domain';
import { useId } from 'react';

interface NextStepsChecklistProps {
  steps: NextStep[];
  onAction(step: NextStep): void;
  /** Off when looking at the past ("view as of") or while the case is loading. */
  actionsEnabled: boolean;
}

/** The case's next steps in working order, each open step's action one click away. */
export function NextStepsChecklist({ steps, onAction, actionsEnabled }: NextStepsChecklistProps) {
  const baseId = useId();
  const firstOpen = steps.findIndex((step) => !step.done);
  const doneCount = steps.filter((step) => step.done).length;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${baseId}-title`}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id={`${baseId}-title`}>
          Next steps
        </Title>
        {steps.length > 0 && (
          <Text size="sm" c="dimmed">
            {doneCount} of {steps.length} done
          </Text>
        )}
      </Group>
      {steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          This case has ended: nothing left to do but add a note or reopen it.
        </Text>
      ) : (
        <List spacing={6} listStyleType="none" aria-label="Next steps" center>
          {steps.map((step, index) => {
            const labelId = `${baseId}-${step.key}`;
            const isNext = index === firstOpen;
            return (
              <List.Item
                key={step.key}
                data-step={step.key}
                data-done={step.done}
                icon={
                  <ThemeIcon size={22} radius="xl" color={step.done ? 'teal' : isNext ? 'blue' : 'gray'} variant={step.done ? 'filled' : 'light'} aria-hidden>
                    {step.done ? '✓' : index + 1}
                  </ThemeIcon>
                }
              >
                <Group gap="xs" wrap="nowrap" justify="space-between" align="center">
                  <Text size="sm" component="div" id={labelId} c={step.done ? 'dimmed' : undefined} td={step.done ? 'line-through' : undefined}>
                    <VisuallyHidden>{step.done ? 'Done: ' : 'To do: '}</VisuallyHidden>
                    {step.label}
                    {isNext && (
                      <Badge ml={6} size="xs" variant="light" color="blue">
                        Next
                      </Badge>
                    )}
                  </Text>
                  {!step.done && actionsEnabled && (
                    <Button size="compact-xs" variant={isNext ? 'filled' : 'light'} onClick={() => onAction(step)} aria-describedby={labelId} style={{ flexShrink: 0 }}>
                      {COMMAND_LABELS[step.command]}
                    </Button>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Paper>
  );
}
