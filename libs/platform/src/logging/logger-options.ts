import type { LoggerOptions } from 'pino';

/**
 * Paths pino must never write. Health data is sensitive: names, birth dates,
 * record numbers, free text and credentials stay out of every log line, wherever
 * in a logged object they appear.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['firstName', 'lastName', 'dateOfBirth', 'mrn', 'patientName', 'text', 'description', 'password', 'accessToken', 'token', 'summary', 'statementOfDisagreement']
    .flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
  // Credentials by other names, and what a failed query carries: TypeORM's
  // QueryFailedError keeps the bound `parameters` (a patient's name on a failed
  // insert) and PostgreSQL's `detail` quotes the offending values.
  ...['authorization', 'refreshToken', 'passwordHash', 'password_hash', 'parameters', 'detail']
    .flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

export function loggerOptions(level: string, name: string): LoggerOptions {
  return {
    name,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Query strings can carry search terms (a patient's name), so log the path only.
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        path: typeof req.url === 'string' ? req.url.split('?')[0] : req.url,
      }),
    },
  };
}
