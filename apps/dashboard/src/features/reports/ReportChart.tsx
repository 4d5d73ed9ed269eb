import { Text } from '@mantine/core';
import type { ReportTable } from '@secondlook/contracts';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartData } from './chart-series';

const COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599'];

/**
 * Trends over time when grouped by month, the distribution across groups otherwise. The chart
 * is a picture of the table below it, which carries the same numbers for screen readers.
 */
export function ReportChart({ table }: { table: ReportTable }) {
  const { series, points, unitLabel } = chartData(table);
  if (series.length === 0 || points.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        Nothing to chart for this period.
      </Text>
    );
  }
  const trend = table.groupBy === 'month';
  const summary = `${trend ? 'Line' : 'Bar'} chart of ${series.map((column) => column.label).join(', ')} by ${trend ? 'month' : 'group'}; the table below lists the same numbers.`;
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" interval={0} angle={points.length > 6 ? -30 : 0} textAnchor={points.length > 6 ? 'end' : 'middle'} height={points.length > 6 ? 70 : 30} />
      <YAxis label={{ value: unitLabel, angle: -90, position: 'insideLeft' }} />
      <Tooltip />
      <Legend />
    </>
  );
  return (
    <div role="img" aria-label={summary} style={{ width: '100%', height: 320 }}>
      <ResponsiveContainer>
        {trend ? (
          <LineChart data={points}>
            {axes}
            {series.map((column, index) => (
              <Line key={column.key} type="monotone" dataKey={`s${index}`} name={column.label} stroke={COLORS[index % COLORS.length]} connectNulls={false} />
            ))}
          </LineChart>
        ) : (
          <BarChart data={points}>
            {axes}
            {series.map((column, index) => (
              <Bar key={column.key} dataKey={`s${index}`} name={column.label} fill={COLORS[index % COLORS.length]} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
