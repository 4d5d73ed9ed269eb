const PREFIX = 'case-';

/** One stream per case: `case-<uuid>`. */
export const caseStreamId = (caseId: string): string => `${PREFIX}${caseId}`;
export const isCaseStream = (streamId: string): boolean => streamId.startsWith(PREFIX);
export const caseIdFromStream = (streamId: string): string => streamId.slice(PREFIX.length);
