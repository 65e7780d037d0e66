/**
 * Cause ranking (R-F3): the root causes of complaints ordered by how many complaints name them,
 * with each cause's share and the cumulative share (a Pareto chart: the few causes that make up
 * most complaints). A complaint may name several causes (its latest analysis record), so the shares
 * are of cause mentions, which add up to 1; the complaints themselves are counted separately. Pure.
 */

/** How many complaints of the period name one cause. */
export interface CauseCount {
  cause: string;
  count: number;
}

export interface ParetoRow {
  cause: string;
  count: number;
  /** count / all mentions (0..1) */
  share: number;
  /** the shares of this cause and every cause ranked above it (0..1; the last row is 1) */
  cumulativeShare: number;
  /** part of the "vital few": the causes ranked above it make up less than the cut (80 % by default) */
  vital: boolean;
}

/** The usual Pareto cut: the causes that together account for 80 % of mentions. */
export const PARETO_CUT = 0.8;

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Ranks causes: most mentioned first, ties by code (stable output); causes with no mention are
 * dropped. Shares are rounded to 4 decimals; the cumulative share is computed from the exact counts,
 * so rounding never carries and the last row is exactly 1.
 */
export function paretoRanking(counts: readonly CauseCount[], cut = PARETO_CUT): ParetoRow[] {
  const rows = counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0));
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  let running = 0;
  return rows.map((r) => {
    const before = running;
    running += r.count;
    return {
      cause: r.cause,
      count: r.count,
      share: round(r.count / total),
      cumulativeShare: round(running / total),
      vital: before / total < cut,
    };
  });
}
