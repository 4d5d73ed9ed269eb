import { type Margin, suppressSmallCells } from './suppress-small-cells';

const asObject = (hidden: Map<string, string>): Record<string, string> => Object.fromEntries([...hidden].sort(([a], [b]) => a.localeCompare(b)));

describe('suppressSmallCells', () => {
  it('hides counts of 1 to 10 and shows 0 and 11', () => {
    const hidden = suppressSmallCells({ zero: 0, one: 1, ten: 10, eleven: 11, big: 250 }, []);
    expect(asObject(hidden)).toEqual({ one: 'small-count', ten: 'small-count' });
  });

  it('hides the next smallest group when exactly one group of a row with a total is small', () => {
    // Groups A=4, B=30, C=15, total 49: 49 - 30 - 15 would give A back, so C (the next smallest) goes too.
    const counts = { A: 4, B: 30, C: 15, all: 49 };
    const margins: Margin[] = [{ total: 'all', parts: ['A', 'B', 'C'] }];
    expect(asObject(suppressSmallCells(counts, margins))).toEqual({ A: 'small-count', C: 'complementary' });
  });

  it('needs no complement when two small groups are hidden and together exceed 10', () => {
    // A=6, B=7 hidden: the reader learns only A+B = 13.
    const counts = { A: 6, B: 7, C: 40, all: 53 };
    expect(asObject(suppressSmallCells(counts, [{ total: 'all', parts: ['A', 'B', 'C'] }]))).toEqual({ A: 'small-count', B: 'small-count' });
  });

  it('adds a complement when the hidden groups together still make a small count', () => {
    // A=3, B=4: 7 = 57 - 50 would be a derivable small count for "A or B", so C=50 is hidden as well.
    const counts = { A: 3, B: 4, C: 50, all: 57 };
    expect(asObject(suppressSmallCells(counts, [{ total: 'all', parts: ['A', 'B', 'C'] }]))).toEqual({
      A: 'small-count',
      B: 'small-count',
      C: 'complementary',
    });
  });

  it('never takes a zero as the complement, and hides the total when nothing else is left', () => {
    // A=5, B=0, total 5: the total is itself small.
    expect(asObject(suppressSmallCells({ A: 5, B: 0, all: 5 }, [{ total: 'all', parts: ['A', 'B'] }]))).toEqual({ A: 'small-count', all: 'small-count' });
    // A=5 of a total of 20 whose other part is a hidden, never displayed cell of 15: hidden total would leave nothing to derive.
    expect(asObject(suppressSmallCells({ A: 5, B: 0, all: 16, other: 11 }, [{ total: 'all', parts: ['A', 'B', 'other'] }]))).toEqual({
      A: 'small-count',
      other: 'complementary',
    });
  });

  it('hides a share numerator whose complement is small ("45 of 50 not covered" gives away 5 covered)', () => {
    const counts = { checked: 50, notCovered: 45, covered: 5 };
    const hidden = suppressSmallCells(counts, [{ total: 'checked', parts: ['notCovered', 'covered'] }]);
    expect(asObject(hidden)).toEqual({ covered: 'small-count', notCovered: 'complementary' });
  });

  it('propagates through rows and columns until no small count can be derived', () => {
    // Two groups × (denied, approved), with row totals and an all-cases row:
    //            denied  approved  decided
    //   g1          3       20        23
    //   g2         30       40        70
    //   all        33       60        93
    // g1.denied=3 is small → g1.approved (20) hidden by the row; the denied column then has one
    // hidden cell, so g2.denied (30) goes; the approved column likewise hides g2.approved (40).
    const counts = {
      'g1:denied': 3, 'g1:approved': 20, 'g1:decided': 23,
      'g2:denied': 30, 'g2:approved': 40, 'g2:decided': 70,
      'all:denied': 33, 'all:approved': 60, 'all:decided': 93,
    };
    const rows = ['g1', 'g2', 'all'].map((row): Margin => ({ total: `${row}:decided`, parts: [`${row}:denied`, `${row}:approved`] }));
    const columns = ['denied', 'approved', 'decided'].map((column): Margin => ({ total: `all:${column}`, parts: [`g1:${column}`, `g2:${column}`] }));
    expect(asObject(suppressSmallCells(counts, [...rows, ...columns]))).toEqual({
      'g1:approved': 'complementary',
      'g1:denied': 'small-count',
      'g2:approved': 'complementary',
      'g2:denied': 'complementary',
    });
  });

  it('treats a total hidden for one margin as a part of the next', () => {
    // Region r1 = A(5) + B(0) = 5 is small, so it hides; in the grand total r1 + r2 = 35 it is then
    // the only hidden part, and r2 (30) is hidden so that 35 - 30 does not give r1 back.
    const counts = { A: 5, B: 0, r1: 5, r2: 30, grand: 35 };
    const margins: Margin[] = [
      { total: 'r1', parts: ['A', 'B'] },
      { total: 'grand', parts: ['r1', 'r2'] },
    ];
    expect(asObject(suppressSmallCells(counts, margins))).toEqual({ A: 'small-count', r1: 'small-count', r2: 'complementary' });
  });
});
