import type { ReportTable } from '@secondlook/contracts';

const UNIT_SUFFIX: Record<string, string> = { days: ' (days)', cents: '', percent: '', 'per-100': '', count: '' };

// Spreadsheets run a cell that starts with = + - @ as a formula; free-text groups (specialty) could.
const neutralise = (text: string): string => (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text);
const quote = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const field = (text: string): string => quote(neutralise(text));

/** The table as CSV, cell for cell what the JSON shows: suppressed cells carry their marker, never a number. */
export function reportTableToCsv(table: ReportTable): string {
  const header = ['Group', ...table.columns.map((column) => `${column.label}${UNIT_SUFFIX[column.unit] ?? ''}`)];
  const lines = [header, ...table.rows.map((row) => [row.label, ...table.columns.map((column) => row.cells[column.key]?.display ?? '')])];
  return `${lines.map((line) => line.map(field).join(',')).join('\r\n')}\r\n`;
}
