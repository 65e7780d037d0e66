/**
 * What a report holds (#13 items 4 and 5): the figures snapshot stored with each report version
 * (reports.figures), from which its PDF and workbook are drawn. A snapshot never changes: a report
 * read next year shows what it showed when it was built. Labels are kept in both languages; the
 * files are written in Chinese. Pure types and helpers.
 */
import { STATISTICS_MEASURES, type StatisticsMeasure } from '../codes.js';
import { relativeChange } from './report-period.js';

export interface Label {
  zh: string;
  en: string;
}

export type MeasureValues = Partial<Record<StatisticsMeasure, number | null>>;

/** One row of a breakdown (by level, channel, category…): its key, label, values and ledger drill-down. */
export interface FigureRow {
  key: string | null;
  label: Label;
  values: MeasureValues;
  /** the ledger query string of the complaints received (or behind the main measure) */
  drill?: string;
}

/** A measure this month, the previous month and the same month last year. */
export interface Comparison {
  measure: StatisticsMeasure;
  current: number | null;
  previous: number | null;
  lastYear: number | null;
  /** month on month: relative change (0.1 = +10 %), null without a base */
  mom: number | null;
  /** year on year */
  yoy: number | null;
}

export interface CauseRow {
  key: string | null;
  label: Label;
  count: number;
  /** 0..1 of all causes counted */
  share: number;
  cumulative: number;
}

export interface Level1Case {
  number: string;
  receivedOn: string;
  closedOn: string | null;
  status: string;
  businessLine: Label;
  category: Label;
  outcome: Label | null;
  major: boolean;
  policyBreached: boolean;
  regulatoryBreached: boolean;
  compensationPaid: number;
}

export interface ImprovementItem {
  title: string;
  complaintNumber: string;
  owner: string;
  dueOn: string;
  status: 'open' | 'done' | 'verified';
  overdue: boolean;
}

export interface ImprovementFigures {
  /** every action's state at the report's end */
  open: number;
  overdue: number;
  done: number;
  verified: number;
  createdInPeriod: number;
  completedInPeriod: number;
  /** the actions created in the period or still open at its end (at most 50), earliest due first */
  items: ImprovementItem[];
}

export interface TrendPoint {
  month: string;
  received: number;
  closed: number;
}

/** Where cause and trend figures came from: the analysis service, or statistics grouped by cause / month. */
export type FigureSource = 'analysis' | 'statistics';

export interface MonthlyFigures {
  kind: 'monthly';
  month: string;
  from: string;
  to: string;
  previous: { month: string; from: string; to: string };
  lastYear: { month: string; from: string; to: string };
  /** ISO instant */
  generatedAt: string;
  headline: { current: MeasureValues; previous: MeasureValues; lastYear: MeasureValues };
  comparisons: Comparison[];
  mix: { level: FigureRow[]; channel: FigureRow[]; businessLine: FigureRow[]; category: FigureRow[] };
  /** both clocks, by level */
  timelinessByLevel: FigureRow[];
  level1: Level1Case[];
  causes: { source: FigureSource; rows: CauseRow[] };
  trend: { source: FigureSource; points: TrendPoint[] };
  /** compensation proposed and paid, amounts involved, by business line */
  compensationByLine: FigureRow[];
  improvements: ImprovementFigures;
}

export interface TimelineEntry {
  /** ISO instant */
  at: string;
  text: string;
  actor: string;
}

export interface SpecialFigures {
  kind: 'special';
  subject: 'complaint' | 'set';
  from: string;
  to: string;
  generatedAt: string;
  /** label / value, as printed */
  facts: Array<[string, string]>;
  timeline: TimelineEntry[];
  /** the set's figures (one complaint: its own) */
  totals: MeasureValues;
  byCategory: FigureRow[];
  causes: CauseRow[];
  trend: TrendPoint[];
  /** the findings and conclusion of one complaint, the analysis lines of a set */
  analysis: string[];
  improvements: ImprovementItem[];
}

export type ReportFigures = MonthlyFigures | SpecialFigures;

/** The measures the monthly report compares month on month and year on year, in print order: every one. */
export const COMPARED_MEASURES: readonly StatisticsMeasure[] = STATISTICS_MEASURES;

export function comparisons(h: MonthlyFigures['headline']): Comparison[] {
  return COMPARED_MEASURES.map((measure) => {
    const current = h.current[measure] ?? null;
    const previous = h.previous[measure] ?? null;
    const lastYear = h.lastYear[measure] ?? null;
    return { measure, current, previous, lastYear, mom: relativeChange(current, previous), yoy: relativeChange(current, lastYear) };
  });
}

/** A Pareto table from counts per cause: largest first, share and cumulative share of the total. */
export function paretoRows(counts: ReadonlyArray<{ key: string | null; label: Label; count: number }>): CauseRow[] {
  const sorted = counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
  const total = sorted.reduce((s, c) => s + c.count, 0);
  let running = 0;
  return sorted.map((c) => {
    running += c.count;
    return { ...c, share: total ? c.count / total : 0, cumulative: total ? running / total : 0 };
  });
}
