import { costMeasure } from '../measures/cost.measure';
import { buildReportTable } from './build-report-table';
import { reportTableToCsv } from './report-table.csv';

describe('buildReportTable', () => {
  it('hides a share whose numerator is a complement, and keeps statistics of groups of 11 or more', () => {
    // All cases: 50 checked, 45 not covered → 5 covered is small, so "45 not covered" and its share go.
    const table = buildReportTable({
      definition: costMeasure,
      groupBy: 'specialty',
      from: null,
      to: null,
      currency: 'USD',
      groupsPartition: true,
      rows: [
        { grp: '=HYPERLINK("x")', cases: '50', checked: '50', estimated: '50', otherCurrency: '0', medianOutOfPocket: 12345.4, p90OutOfPocket: 50000, medianTravel: 0, p90Travel: 1000, notCovered: '45', covered: '5', withProvider: '0', outOfNetwork: '0', inNetwork: '0' },
        { grp: null, cases: '50', checked: '50', estimated: '50', otherCurrency: '0', medianOutOfPocket: 12345.4, p90OutOfPocket: 50000, medianTravel: 0, p90Travel: 1000, notCovered: '45', covered: '5', withProvider: '0', outOfNetwork: '0', inNetwork: '0' },
      ],
    });
    const all = table.rows.find((row) => row.isTotal)!;
    expect(all.cells['notCovered']).toEqual({ value: null, display: 'suppressed', suppressed: 'complementary' });
    expect(all.cells['notCoveredShare']).toEqual({ value: null, display: 'suppressed', suppressed: 'derived' });
    expect(all.cells['medianOutOfPocket']).toEqual({ value: 12345, display: '$123.45', suppressed: null });
    expect(all.cells['outOfNetworkShare']).toEqual({ value: null, display: '—', suppressed: null });
    expect(table.columns.map((column) => column.key)).not.toContain('covered');

    const csv = reportTableToCsv(table);
    // A free-text group that looks like a formula is defused; quotes are doubled.
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/,45,/);
  });
});
