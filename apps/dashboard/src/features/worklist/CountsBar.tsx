import { Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { PHASE_LABELS, PHASES, RISK_FLAG_LABELS, RISK_FLAGS, type Phase, type RiskFlag } from '@secondlook/domain';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { caseKeys, casesApi } from '../../api/cases.api';

interface CountsBarProps {
  phase: Phase | undefined;
  risk: RiskFlag | undefined;
  onPhase(phase: Phase | null): void;
  onRisk(risk: RiskFlag | null): void;
}

function FilterButton({ active, onClick, color, children }: { active: boolean; onClick(): void; color?: string; children: ReactNode }) {
  return (
    <Button size="compact-sm" radius="xl" color={color} variant={active ? 'filled' : color ? 'light' : 'default'} aria-pressed={active} onClick={onClick} fw={500}>
      {children}
    </Button>
  );
}

/** Open cases per phase and per risk flag; each count is a filter one click away. */
export function CountsBar({ phase, risk, onPhase, onRisk }: CountsBarProps) {
  const counts = useQuery({ queryKey: caseKeys.counts(), queryFn: casesApi.counts, refetchInterval: 5_000 });
  if (counts.isPending) return <Skeleton height={88} aria-label="Loading counts" />;
  if (counts.isError) return null;
  const flagged = RISK_FLAGS.filter((flag) => counts.data.byRiskFlag[flag] > 0 || flag === risk);

  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Group gap="xs" aria-label="Cases by phase" role="group">
          <Text size="sm" fw={600} w={84}>
            By phase
          </Text>
          <FilterButton active={!phase} onClick={() => onPhase(null)}>
            All open · {counts.data.total}
          </FilterButton>
          {PHASES.map((code) => (
            <FilterButton key={code} active={phase === code} onClick={() => onPhase(phase === code ? null : code)}>
              {PHASE_LABELS[code]} · {counts.data.byPhase[code] ?? 0}
            </FilterButton>
          ))}
        </Group>
        <Group gap="xs" aria-label="Cases by risk flag" role="group">
          <Text size="sm" fw={600} w={84}>
            At risk
          </Text>
          {flagged.length === 0 && (
            <Text size="sm" c="dimmed">
              No case is flagged.
            </Text>
          )}
          {flagged.map((code) => (
            <FilterButton key={code} active={risk === code} onClick={() => onRisk(risk === code ? null : code)} color="red">
              {RISK_FLAG_LABELS[code]} · {counts.data.byRiskFlag[code] ?? 0}
            </FilterButton>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
