import { validationFailed } from '../../common/zod-validation.pipe';

/** The stream version from an If-Match header: `"7"`, `W/"7"` or `7`. */
export function expectedVersionOf(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw validationFailed('If-Match header', [{ field: 'If-Match', problem: 'must be a case version such as "7"' }]);
  return Number(match[1]);
}
