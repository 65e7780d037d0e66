import type { Lang } from './chart-data';
import type { Period } from './period';
import type { StatsFilters } from './stats-params';

/** What every dashboard tab draws from: the chosen period and filters. */
export interface TabProps {
  period: Period;
  filters: StatsFilters;
  /** the period as it reads (card titles, exported file names) */
  periodName: string;
  lang: Lang;
}
