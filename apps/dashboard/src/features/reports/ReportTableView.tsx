import { Table, Text, Tooltip } from '@mantine/core';
import type { ReportCell, ReportTable } from '@secondlook/contracts';

const SUPPRESSION_WORDS: Record<NonNullable<ReportCell['suppressed']>, string> = {
  'small-count': 'fewer than 11, hidden to protect privacy',
  complementary: 'hidden so that a small count cannot be worked out from the total',
  'small-group': 'fewer than 11 cases, too few for a median or percentile',
  derived: 'hidden because it is built on a hidden count',
};

function CellText({ cell }: { cell: ReportCell | undefined }) {
  if (!cell) return <>—</>;
  if (!cell.suppressed) return <>{cell.display}</>;
  const why = SUPPRESSION_WORDS[cell.suppressed];
  return (
    <Tooltip label={why}>
      <span>
        <span aria-hidden="true">{cell.display}</span>
        <span className="visually-hidden" style={visuallyHidden}>
          {cell.display === '<11' ? 'fewer than 11' : 'suppressed'}: {why}
        </span>
      </span>
    </Tooltip>
  );
}

const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** The report's numbers as a real table: a caption, column and row headers, suppression explained in words. */
export function ReportTableView({ table, groupLabel }: { table: ReportTable; groupLabel: string }) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped withTableBorder highlightOnHover>
        <caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text fw={600}>
            {table.title} by {groupLabel.toLowerCase()}
            {table.from || table.to ? `, cases opened ${table.from ?? '…'} to ${table.to ?? '…'}` : ''}
          </Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{groupLabel}</Table.Th>
            {table.columns.map((column) => (
              <Table.Th key={column.key} scope="col" style={{ textAlign: 'right' }}>
                {column.label}
                {column.unit === 'days' ? ' (days)' : ''}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.key} fw={row.isTotal ? 700 : undefined}>
              <Table.Th scope="row">{row.label}</Table.Th>
              {table.columns.map((column) => (
                <Table.Td key={column.key} style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                  <CellText cell={row.cells[column.key]} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
