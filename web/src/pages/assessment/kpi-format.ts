/** How a KPI's figure reads (#14 item 5): rates as percentages, days with one decimal, counts, scores. Pure. */
export type KpiKind = 'rate' | 'days' | 'count' | 'score';

export function kpiKind(code: string): KpiKind {
  if (code.endsWith('_rate') || code === 'training_completion') return 'rate';
  if (code.startsWith('handling_days')) return 'days';
  if (code === 'volume') return 'count';
  return 'score';
}

/** The figure as text; null as a dash. `days` takes the unit's message ("{v} 天"). */
export function formatKpi(code: string, value: number | null | undefined, days: (v: string) => string): string {
  if (value === null || value === undefined) return '—';
  switch (kpiKind(code)) {
    case 'rate':
      return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
    case 'days':
      return days(value.toFixed(1));
    case 'count':
      return String(Math.round(value));
    case 'score':
      return value.toFixed(1);
  }
}

/** Achievement 0..1 as a percentage (what the charts draw); null stays null. */
export const achievedPercent = (achieved: number | null | undefined): number | null =>
  achieved === null || achieved === undefined ? null : Math.round(achieved * 1000) / 10;

/** The lines a chart of achievement draws: the scored ones. */
export function scoredLines<L extends { achieved: number | null; weight: number }>(lines: readonly L[]): L[] {
  return lines.filter((l) => l.weight > 0 && l.achieved !== null);
}
