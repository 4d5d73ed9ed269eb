import type { CaseCommandOf } from '@secondlook/domain';
import type { z } from 'zod';
import type { CommandBody, CommandBodyName } from './command-body.schema';
import { commandBodySchemas, isCommandBodyName } from './command-body.schema';

/** The domain command for a validated body: the body is the command minus its `type`. */
export const toCaseCommand = <K extends CommandBodyName>(name: K, body: CommandBody<K>): CaseCommandOf<K> =>
  ({ type: name, ...body }) as CaseCommandOf<K>;

export type ParseCommandResult =
  | { ok: true; command: CaseCommandOf<CommandBodyName> }
  | { ok: false; reason: 'unknown-command' }
  | { ok: false; reason: 'invalid-body'; issues: z.core.$ZodIssue[] };

/**
 * Validates `POST /api/cases/:id/commands/:command`: an unknown name is a 404 for the api,
 * invalid fields a 400 naming each issue's `path`.
 */
export const parseCommand = (name: string, body: unknown): ParseCommandResult => {
  if (!isCommandBodyName(name)) return { ok: false, reason: 'unknown-command' };
  const parsed = commandBodySchemas[name].safeParse(body ?? {});
  if (!parsed.success) return { ok: false, reason: 'invalid-body', issues: parsed.error.issues };
  return { ok: true, command: toCaseCommand(name, parsed.data as CommandBody<typeof name>) };
};
