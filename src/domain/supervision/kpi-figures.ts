/**
 * The KPI figures of one subject (a department or a person) over a period (#14 item 5, R-E6), from
 * the complaint facts, inspection scores and rectification requests that belong to it. Pure; the same
 * rules as the statistics (services/reports, facts-filter.ts timelinessSql):
 * - received-based figures (volume, on-time rates, satisfaction, reopen rate) count the complaints
 *   received in the period; the handling-time percentiles those closed in it (calendar days from
 *   receipt to closing, percentile_cont, one decimal);
 * - a clock is on time when met by its due time and never breached, late when met after it or
 *   breached, overdue when not met and breached or past due at `now`; the on-time rate is on time /
 *   (on time + late + overdue), as the statistics page shows it;
 * - the inspection score is the mean of the scored inspection items scored in the period;
 * - a rectification request counts once its first deadline falls in the period and it was answered
 *   or that deadline has passed; on time when first answered by it.
 * Each figure keeps the complaints behind it: `baseIds` (what it is computed over) and `hitIds`
 * (its numerator, for rates).
 */
import { trainingCompletion, type CompletionFact } from '../training/training.js';
import { KPI_CODES, type KpiCode, type KpiFigures } from './kpi.js';

export interface ClockFact {
  dueAt: Date | null;
  metAt: Date | null;
  breached: boolean | null;
}

export interface KpiFactRow {
  id: string;
  assignee: string | null;
  departmentIds: readonly string[];
  /** local dates YYYY-MM-DD */
  receivedOn: string;
  closedOn: string | null;
  handlingDays: number | null;
  policy: ClockFact;
  regulatory: ClockFact;
  reopenCount: number;
  surveyed: boolean;
  satisfied: boolean | null;
}

export interface InspectionScoreFact {
  complaintId: string;
  departmentIds: readonly string[];
  handler: string | null;
  /** 0-100 */
  score: number;
  /** local date the item was scored */
  scoredOn: string;
}

export interface RectificationFact {
  complaintId: string | null;
  departmentId: string | null;
  addressee: string | null;
  firstDueAt: Date;
  /** local date of the first deadline */
  firstDueOn: string;
  answeredAt: Date | null;
}

/** An enrolled person's session that ended (#15 item 1), with the person's org units. */
export interface TrainingFact extends CompletionFact {
  unitIds: readonly string[];
}

export interface KpiSources {
  facts: readonly KpiFactRow[];
  /** null: the inspection tables are not there (the figures stay null) */
  inspections: readonly InspectionScoreFact[] | null;
  rectifications: readonly RectificationFact[] | null;
  /** training_completion's rows; absent or null: the figure stays null */
  training?: readonly TrainingFact[] | null;
}

export interface KpiMeasure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  baseIds: string[];
  hitIds: string[];
}

export type KpiMeasures = Record<KpiCode, KpiMeasure>;

export type KpiSubject = { kind: 'department'; id: string } | { kind: 'person'; username: string };

export interface Period {
  from: string;
  to: string;
}

const within = (d: string | null, p: Period) => d !== null && d >= p.from && d <= p.to;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const unique = (ids: ReadonlyArray<string | null>) => [...new Set(ids.filter((i): i is string => i !== null))];

/** percentile_cont: linear interpolation between the closest ranks. */
export function percentileCont(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export type Timeliness = 'on_time' | 'late' | 'overdue' | null;

export function timelinessOf(c: ClockFact, now: Date): Timeliness {
  if (c.dueAt === null) return null;
  const breached = c.breached === true;
  if (c.metAt !== null) return c.metAt <= c.dueAt && !breached ? 'on_time' : 'late';
  return breached || c.dueAt < now ? 'overdue' : null;
}

function rateOf(base: ReadonlyArray<{ id: string | null }>, hit: (i: number) => boolean): KpiMeasure {
  const hits = base.filter((_, i) => hit(i));
  return {
    value: base.length === 0 ? null : round(hits.length / base.length, 4),
    numerator: hits.length,
    denominator: base.length,
    baseIds: unique(base.map((b) => b.id)),
    hitIds: unique(hits.map((b) => b.id)),
  };
}

function clockRate(received: readonly KpiFactRow[], clock: 'policy' | 'regulatory', now: Date): KpiMeasure {
  const counted = received.map((r) => ({ id: r.id, t: timelinessOf(r[clock], now) })).filter((r) => r.t !== null);
  return rateOf(counted, (i) => counted[i]!.t === 'on_time');
}

/** The figures of the rows, inspection items and requests already narrowed to one subject. */
export function kpiMeasures(src: KpiSources, period: Period, now: Date): KpiMeasures {
  const received = src.facts.filter((r) => within(r.receivedOn, period));
  const closed = src.facts.filter((r) => within(r.closedOn, period) && r.handlingDays !== null);
  const days = closed.map((r) => r.handlingDays!).sort((a, b) => a - b);
  const closedIds = closed.map((r) => r.id);
  const pct = (p: number): KpiMeasure => {
    const v = percentileCont(days, p);
    return { value: v === null ? null : round(v, 1), numerator: null, denominator: closed.length, baseIds: closedIds, hitIds: [] };
  };
  const surveyed = received.filter((r) => r.surveyed);
  const inspected = src.inspections?.filter((i) => within(i.scoredOn, period)) ?? null;
  const requests = src.rectifications?.filter((r) => within(r.firstDueOn, period) && (r.answeredAt !== null || r.firstDueAt < now)) ?? null;
  const absent: KpiMeasure = { value: null, numerator: null, denominator: null, baseIds: [], hitIds: [] };
  const trained = src.training ? trainingCompletion(src.training, period) : null;
  return {
    volume: { value: received.length, numerator: null, denominator: null, baseIds: received.map((r) => r.id), hitIds: [] },
    policy_on_time_rate: clockRate(received, 'policy', now),
    regulatory_on_time_rate: clockRate(received, 'regulatory', now),
    satisfaction_rate: rateOf(surveyed, (i) => surveyed[i]!.satisfied === true),
    reopen_rate: rateOf(received, (i) => received[i]!.reopenCount > 0),
    handling_days_p50: pct(0.5),
    handling_days_p90: pct(0.9),
    inspection_score:
      inspected === null
        ? absent
        : {
            value: inspected.length === 0 ? null : round(inspected.reduce((s, i) => s + i.score, 0) / inspected.length, 1),
            numerator: null,
            denominator: inspected.length,
            baseIds: unique(inspected.map((i) => i.complaintId)),
            hitIds: [],
          },
    rectification_on_time_rate:
      requests === null
        ? absent
        : rateOf(
            requests.map((r) => ({ id: r.complaintId })),
            (i) => requests[i]!.answeredAt !== null && requests[i]!.answeredAt! <= requests[i]!.firstDueAt,
          ),
    // counted in persons, not complaints: no complaint is behind it
    training_completion:
      trained === null
        ? absent
        : { value: trained.value, numerator: trained.numerator, denominator: trained.denominator, baseIds: [], hitIds: [] },
  };
}

/** The sources that belong to a subject: a department's complaints (any of their departments), a person's as handler. */
export function sourcesOf(src: KpiSources, s: KpiSubject): KpiSources {
  if (s.kind === 'department')
    return {
      facts: src.facts.filter((r) => r.departmentIds.includes(s.id)),
      inspections: src.inspections?.filter((i) => i.departmentIds.includes(s.id)) ?? null,
      rectifications: src.rectifications?.filter((r) => r.departmentId === s.id) ?? null,
      training: src.training?.filter((f) => f.unitIds.includes(s.id)) ?? null,
    };
  return {
    facts: src.facts.filter((r) => r.assignee === s.username),
    inspections: src.inspections?.filter((i) => i.handler === s.username) ?? null,
    rectifications: src.rectifications?.filter((r) => r.addressee === s.username) ?? null,
    training: src.training?.filter((f) => f.username === s.username) ?? null,
  };
}

/** The bare figures assessKpis scores. */
export function figuresOf(m: KpiMeasures): KpiFigures {
  return Object.fromEntries(KPI_CODES.map((c) => [c, m[c].value])) as KpiFigures;
}
