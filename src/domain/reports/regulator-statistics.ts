/**
 * The regulators' quarterly complaint statistics (#13 item 6) folded from counts per (business
 * line, category, channel, decision band): four tables, each figure with its share of the column
 * and, where the ledger can list exactly those complaints, the ledger query behind it.
 *
 * The set counted is the statistics API's `received` (complaints received in the quarter, by local
 * date of receipt, within the reader's data scope), so a quarter's total equals the sum of its three
 * months' received.
 */
import {
  DECISION_BUCKET_LABELS,
  DECISION_BUCKETS,
  REGULATOR_CATEGORY_LABELS,
  REGULATOR_INSURANCE_CATEGORIES,
  REGULATOR_SEGMENT_LABELS,
  regulatorCategoryOf,
  segmentOf,
  type DecisionBucket,
  type RegulatorSegment,
} from './regulator-categories.js';

export interface Label {
  zh: string;
  en: string;
}

/** One group of the repository's count. */
export interface RegulatorCountRow {
  businessLine: string;
  sector: string;
  category: string;
  channel: string;
  bucket: DecisionBucket;
  count: number;
}

export const REGULATOR_COLUMNS = ['property', 'personal', 'securities', 'insurance', 'total'] as const;
/** The code of a table's total row. */
const TOTAL_ROW = 'total';
export type RegulatorColumn = (typeof REGULATOR_COLUMNS)[number];

export const REGULATOR_TABLES = ['insurance_categories', 'securities_business_types', 'channels', 'decision_time'] as const;
export type RegulatorTableKey = (typeof REGULATOR_TABLES)[number];

export const REGULATOR_TABLE_LABELS: Record<RegulatorTableKey, Label> = {
  insurance_categories: { zh: '保险投诉（按纠纷类型）', en: 'Insurance complaints by dispute type' },
  securities_business_types: { zh: '证券投诉（按业务类型）', en: 'Securities complaints by business type' },
  channels: { zh: '投诉渠道', en: 'Channels' },
  decision_time: { zh: '处理决定时限', en: 'Time to decision' },
};

export interface RegulatorCell {
  column: RegulatorColumn;
  count: number;
  /** count / the column's total, 0..1; null when the column is empty */
  share: number | null;
  /** the ledger query (no leading '?') listing exactly these complaints; null where the ledger has no such filter */
  drill: string | null;
}

export interface RegulatorTableRow {
  code: string;
  label: Label;
  cells: RegulatorCell[];
}

export interface RegulatorTable {
  key: RegulatorTableKey;
  label: Label;
  columns: RegulatorColumn[];
  rows: RegulatorTableRow[];
  total: RegulatorTableRow;
}

export interface RegulatorStatistics {
  year: number;
  quarter: number;
  /** local dates, inclusive */
  from: string;
  to: string;
  /** when it was computed: undecided means not decided by then */
  asOf: string;
  totals: Record<RegulatorColumn, number>;
  tables: RegulatorTable[];
}

export interface TaxonomyLabel extends Label {
  code: string;
}

export interface RegulatorInput {
  year: number;
  quarter: number;
  from: string;
  to: string;
  /** the quarter as instants for the ledger's receivedFrom (inclusive) and receivedTo (exclusive) */
  receivedFrom: Date;
  receivedTo: Date;
  asOf: Date;
  channels: TaxonomyLabel[];
  categories: TaxonomyLabel[];
  businessLines: Array<TaxonomyLabel & { sector: string }>;
  rows: RegulatorCountRow[];
}

interface Selector {
  segments: RegulatorSegment[];
  /** undefined: any */
  categories?: string[];
  channel?: string;
  bucket?: DecisionBucket;
}

const COLUMN_SEGMENTS: Record<RegulatorColumn, RegulatorSegment[]> = {
  property: ['property'],
  personal: ['personal'],
  securities: ['securities'],
  insurance: ['property', 'personal'],
  total: ['property', 'personal', 'securities'],
};

const unique = (xs: string[]) => [...new Set(xs)];

export function foldRegulatorStatistics(input: RegulatorInput): RegulatorStatistics {
  const rows = input.rows.map((r) => ({ ...r, segment: segmentOf(r.sector, r.businessLine) }));
  // every line and category known to the policy or seen in the data, for the drill strings
  const lineSegment = new Map<string, RegulatorSegment>();
  for (const l of input.businessLines) lineSegment.set(l.code, segmentOf(l.sector, l.code));
  for (const r of rows) lineSegment.set(r.businessLine, r.segment);
  const allCategories = unique([...input.categories.map((c) => c.code), ...rows.map((r) => r.category)]);

  const count = (s: Selector) =>
    rows
      .filter(
        (r) =>
          s.segments.includes(r.segment) &&
          (s.categories === undefined || s.categories.includes(r.category)) &&
          (s.channel === undefined || r.channel === s.channel) &&
          (s.bucket === undefined || r.bucket === s.bucket),
      )
      .reduce((sum, r) => sum + r.count, 0);

  const drill = (s: Selector, column: RegulatorColumn): string | null => {
    if (s.bucket !== undefined) return null; // the ledger has no filter on the time to decision
    const p = new URLSearchParams();
    p.set('receivedFrom', input.receivedFrom.toISOString());
    p.set('receivedTo', input.receivedTo.toISOString());
    if (column !== 'total') {
      const lines = [...lineSegment].filter(([, seg]) => s.segments.includes(seg)).map(([code]) => code);
      p.set('businessLine', lines.length ? lines.join(',') : '-');
    }
    if (s.categories !== undefined) p.set('category', s.categories.length ? s.categories.join(',') : '-');
    if (s.channel !== undefined) p.set('channel', s.channel);
    return p.toString();
  };

  const table = (
    key: RegulatorTableKey,
    columns: RegulatorColumn[],
    rowDefs: Array<{ code: string; label: Label; sel: Omit<Selector, 'segments'> }>,
  ) => {
    const columnTotal = new Map(columns.map((c) => [c, count({ segments: COLUMN_SEGMENTS[c] })]));
    const cellsOf = (sel: Omit<Selector, 'segments'>): RegulatorCell[] =>
      columns.map((column) => {
        const selector = { ...sel, segments: COLUMN_SEGMENTS[column] };
        const n = count(selector);
        const of = columnTotal.get(column) ?? 0;
        return { column, count: n, share: of === 0 ? null : n / of, drill: drill(selector, column) };
      });
    return {
      key,
      label: REGULATOR_TABLE_LABELS[key],
      columns,
      rows: rowDefs.map((d) => ({ code: d.code, label: d.label, cells: cellsOf(d.sel) })),
      total: { code: TOTAL_ROW, label: REGULATOR_SEGMENT_LABELS.total, cells: cellsOf({}) },
    };
  };

  const categoryRows = REGULATOR_INSURANCE_CATEGORIES.map((rc) => ({
    code: rc,
    label: REGULATOR_CATEGORY_LABELS[rc],
    sel: { categories: allCategories.filter((c) => regulatorCategoryOf(c) === rc) },
  }));

  const securitiesLines = [...lineSegment].filter(([, seg]) => seg === 'securities').map(([code]) => code);
  const lineLabel = (code: string): Label => input.businessLines.find((l) => l.code === code) ?? { zh: code, en: code };
  const securitiesRows = securitiesLines.map((code) => ({ code, label: lineLabel(code), line: code }));

  const channelCodes = unique([...input.channels.map((c) => c.code), ...rows.map((r) => r.channel)]);
  const channelLabel = (code: string): Label => input.channels.find((c) => c.code === code) ?? { zh: code, en: code };

  const securitiesTable = (): RegulatorTable => {
    const total = count({ segments: ['securities'] });
    const cell = (line: string | undefined): RegulatorCell => {
      const n = rows
        .filter((r) => r.segment === 'securities' && (line === undefined || r.businessLine === line))
        .reduce((s, r) => s + r.count, 0);
      const p = new URLSearchParams();
      p.set('receivedFrom', input.receivedFrom.toISOString());
      p.set('receivedTo', input.receivedTo.toISOString());
      p.set('businessLine', line ?? (securitiesLines.length ? securitiesLines.join(',') : '-'));
      return { column: 'securities', count: n, share: total === 0 ? null : n / total, drill: p.toString() };
    };
    return {
      key: 'securities_business_types',
      label: REGULATOR_TABLE_LABELS.securities_business_types,
      columns: ['securities'],
      rows: securitiesRows.map((r) => ({ code: r.code, label: r.label, cells: [cell(r.line)] })),
      total: { code: TOTAL_ROW, label: REGULATOR_SEGMENT_LABELS.total, cells: [cell(undefined)] },
    };
  };

  const bySegment: RegulatorColumn[] = ['property', 'personal', 'securities', 'total'];
  const tables: RegulatorTable[] = [
    table('insurance_categories', ['property', 'personal', 'insurance'], categoryRows),
    securitiesTable(),
    table(
      'channels',
      bySegment,
      channelCodes.map((code) => ({ code, label: channelLabel(code), sel: { channel: code } })),
    ),
    table(
      'decision_time',
      bySegment,
      DECISION_BUCKETS.map((b) => ({ code: b, label: DECISION_BUCKET_LABELS[b], sel: { bucket: b } })),
    ),
  ];
  const totals = Object.fromEntries(REGULATOR_COLUMNS.map((c) => [c, count({ segments: COLUMN_SEGMENTS[c] })])) as Record<
    RegulatorColumn,
    number
  >;
  return {
    year: input.year,
    quarter: input.quarter,
    from: input.from,
    to: input.to,
    asOf: input.asOf.toISOString(),
    totals,
    tables,
  };
}

/** The label of a column, for files and the web app. */
export function columnLabel(column: RegulatorColumn): Label {
  return REGULATOR_SEGMENT_LABELS[column];
}
