/**
 * The overview's headline tiles (R-F1): this period's figure, the previous period's, the change
 * (counts and money: per cent of the previous figure; rates: percentage points) and whether the
 * change is good news (fewer complaints, more on time). Pure.
 */
import type { StatisticsMeasure } from '../../codes';
import { onTimeRate, type ValueFormat } from './chart-data';
import type { StatisticsRow } from './statistics-types';

export const TILE_NAMES = [
  'received',
  'closed',
  'openAtEnd',
  'policyOnTime',
  'regulatoryOnTime',
  'handlingP50',
  'satisfaction',
  'compensationPaid',
] as const;
export type TileName = (typeof TILE_NAMES)[number];

interface TileSpec {
  format: ValueFormat;
  /** a rise is: good, bad, or neither */
  rise: 'good' | 'bad' | 'neutral';
  value(values: StatisticsRow['values']): number | null;
  /** the measure whose ledger the tile opens */
  drill?: StatisticsMeasure;
}

const measure = (m: StatisticsMeasure) => (v: StatisticsRow['values']) => v[m] ?? null;

export const TILES: Record<TileName, TileSpec> = {
  received: { format: 'count', rise: 'bad', value: measure('received'), drill: 'received' },
  closed: { format: 'count', rise: 'neutral', value: measure('closed'), drill: 'closed' },
  openAtEnd: { format: 'count', rise: 'bad', value: measure('open_at_end'), drill: 'open_at_end' },
  policyOnTime: { format: 'rate', rise: 'good', value: (v) => onTimeRate(v, 'policy'), drill: 'policy_late' },
  regulatoryOnTime: { format: 'rate', rise: 'good', value: (v) => onTimeRate(v, 'regulatory'), drill: 'regulatory_late' },
  handlingP50: { format: 'days', rise: 'bad', value: measure('handling_days_p50'), drill: 'closed' },
  satisfaction: { format: 'rate', rise: 'good', value: measure('satisfaction_rate'), drill: 'satisfaction_rate' },
  compensationPaid: { format: 'money', rise: 'neutral', value: measure('compensation_paid'), drill: 'compensation_paid' },
};

export interface TileFigure {
  name: TileName;
  format: ValueFormat;
  value: number | null;
  previous: number | null;
  /** rates: difference in points of 0..1; others: ratio to the previous figure; null: nothing to compare */
  change: number | null;
  changeKind: 'points' | 'ratio';
  direction: 'up' | 'down' | 'flat' | null;
  tone: 'good' | 'bad' | 'neutral';
  drill?: string;
}

export function tileFigures(current: StatisticsRow, previous: StatisticsRow | undefined): TileFigure[] {
  return TILE_NAMES.map((name) => {
    const spec = TILES[name];
    const value = spec.value(current.values);
    const before = previous ? spec.value(previous.values) : null;
    const changeKind = spec.format === 'rate' ? 'points' : 'ratio';
    let change: number | null = null;
    if (value !== null && before !== null) {
      if (changeKind === 'points') change = Math.round((value - before) * 10_000) / 10_000;
      else if (before !== 0) change = Math.round(((value - before) / before) * 10_000) / 10_000;
    }
    const diff = value !== null && before !== null ? value - before : null;
    const direction = diff === null ? null : Math.abs(diff) < 1e-9 ? 'flat' : diff > 0 ? 'up' : 'down';
    const tone =
      direction === null || direction === 'flat' || spec.rise === 'neutral'
        ? 'neutral'
        : (direction === 'up') === (spec.rise === 'good')
          ? 'good'
          : 'bad';
    return {
      name,
      format: spec.format,
      value,
      previous: before,
      change,
      changeKind,
      direction,
      tone,
      drill: spec.drill && current.drill[spec.drill],
    };
  });
}
