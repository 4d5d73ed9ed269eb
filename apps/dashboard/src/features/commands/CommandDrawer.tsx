import { Drawer, Text } from '@mantine/core';
import type { CaseWriteResponse, CommandBodyName } from '@secondlook/contracts';
import { COMMAND_LABELS } from '@secondlook/domain';
import type { ReferenceOptions } from './CommandFields';
import { CommandForm } from './CommandForm';
import type { FormValues } from './schema-fields';

export interface OpenCommand {
  command: CommandBodyName;
  /** The version on screen when the user chose the action. */
  version: number;
  defaults: FormValues;
  /** Why this form: the next step it moves on, when opened from the checklist. */
  context?: string;
  /** Changes on every opening, so a reopened form starts fresh. */
  nonce: number;
}

interface CommandDrawerProps {
  caseId: string;
  open: OpenCommand | null;
  references: ReferenceOptions;
  onClose(): void;
  onReload(): Promise<number>;
  onDone(command: CommandBodyName, result: CaseWriteResponse): void;
}

export function CommandDrawer({ caseId, open, references, onClose, onReload, onDone }: CommandDrawerProps) {
  return (
    <Drawer opened={open !== null} onClose={onClose} position="right" size="lg" title={open ? COMMAND_LABELS[open.command] : ''} closeButtonProps={{ 'aria-label': 'Close form' }}>
      {open && (
        <>
          {open.context && (
            <Text size="sm" c="dimmed" mb="md">
              {open.context}
            </Text>
          )}
          <CommandForm
            key={`${open.command}-${open.nonce}`}
            caseId={caseId}
            command={open.command}
            version={open.version}
            defaults={open.defaults}
            references={references}
            onReload={onReload}
            onCancel={onClose}
            onDone={(result) => onDone(open.command, result)}
          />
        </>
      )}
    </Drawer>
  );
}
