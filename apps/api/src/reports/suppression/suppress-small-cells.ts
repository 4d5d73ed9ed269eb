/**
 * Small-cell suppression (CMS cell-size rule): no count of 1 to 10 may be published, nor any
 * cell from which such a count could be worked out. Pure, so the rule is tested by hand-worked
 * tables rather than trusted.
 */

/** Counts of 1..SMALL_CELL_MAX are small; zero may be shown. */
export const SMALL_CELL_MAX = 10;
/** Medians and percentiles need at least this many values. */
export const MIN_GROUP_FOR_STATISTICS = SMALL_CELL_MAX + 1;

export type CountSuppression = 'small-count' | 'complementary';

/**
 * Cells that add up to a total a reader can see or work out: a row of group counts and the
 * all-cases count, or a count and its complement within a row ("denied" + "not denied" =
 * "decided"). Parts may be cells that are never displayed: they still count as derivable.
 */
export interface Margin {
  total: string;
  parts: readonly string[];
}

export const isSmallCount = (value: number): boolean => value >= 1 && value <= SMALL_CELL_MAX;

/**
 * Which counts must be hidden. Primary: every count of 1 to 10. Complementary, repeated until
 * nothing changes (a cell hidden for one margin may expose another): in a margin whose total is
 * visible, if exactly one part is hidden, or the hidden parts add up to 1..10 (their sum is
 * total minus the visible parts), the smallest visible non-zero part is hidden too; when no
 * such part is left, the total is hidden instead.
 */
export function suppressSmallCells(counts: Readonly<Record<string, number>>, margins: readonly Margin[]): Map<string, CountSuppression> {
  const hidden = new Map<string, CountSuppression>();
  for (const [id, value] of Object.entries(counts)) if (isSmallCount(value)) hidden.set(id, 'small-count');

  const valueOf = (id: string): number => {
    const value = counts[id];
    if (value === undefined) throw new Error(`Margin names an unknown cell ${id}`);
    return value;
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const margin of margins) {
      if (hidden.has(margin.total)) continue;
      const hiddenParts = margin.parts.filter((part) => hidden.has(part));
      if (hiddenParts.length === 0) continue;
      const hiddenSum = hiddenParts.reduce((sum, part) => sum + valueOf(part), 0);
      if (hiddenParts.length > 1 && !isSmallCount(hiddenSum)) continue;
      const complement = margin.parts
        .filter((part) => !hidden.has(part) && valueOf(part) > 0)
        .reduce<string | undefined>((smallest, part) => (smallest === undefined || valueOf(part) < valueOf(smallest) ? part : smallest), undefined);
      hidden.set(complement ?? margin.total, 'complementary');
      changed = true;
    }
  }
  return hidden;
}
