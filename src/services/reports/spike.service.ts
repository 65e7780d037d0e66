/**
 * The spike alert (#13 item 2, R-F3). Every morning (job `statistics.spikes`) each product,
 * category and branch's complaints of the last 7 complete days are judged against its own baseline,
 * the 8 weeks before (domain/reports/analysis-spike.ts). A sharp rise raises a tracked exception of
 * kind `spike` (no complaint: it names its subject) once per subject and ISO week, and not while an
 * earlier spike on the same subject is still open; the supervision inspectors are told in the same
 * transaction. Counted company-wide over every complaint (imported ones too), whoever reads later.
 *
 * An open spike on a complaint's product or category is an input to grading's mass-incident signal
 * (`openSpikeSignals`, used by intake): see domain/grading/grading.ts rule `mass_spike`.
 */
import { z } from 'zod';
import { scopeFilter, type Principal } from '../../domain/access/permissions.js';
import {
  assessSpike,
  countIn,
  DEFAULT_SPIKE_SETTINGS,
  isoWeekOf,
  SPIKE_SUBJECTS,
  spikeSourceKey,
  spikeWindows,
  type SpikeAssessment,
  type SpikeSettings,
  type SpikeSubject,
} from '../../domain/reports/analysis-spike.js';
import { drillString } from '../../domain/reports/statistics-drill.js';
import { keyLabel, type Label } from '../../domain/reports/statistics-labels.js';
import { localDate } from '../../domain/time/zoned.js';
import { subjectDailyCounts } from '../../db/repositories/analysis.repository.js';
import type { Database } from '../../db/database.js';
import { insertException, listOpenSpikeRows, type ExceptionRow } from '../../db/repositories/exception.repository.js';
import { findOrgUnitsByIds } from '../../db/repositories/org.repository.js';
import { usersWithRole } from '../../db/repositories/user.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import { sendNotifications } from '../channels/notification.service.js';
import type { ServiceContext } from '../context.js';

/** Where the notice leads: the statistics page's spike list. */
export const SPIKES_LINK = '/statistics?tab=impact';
export const SPIKE_NOTICE_KIND = 'spike_raised';

const range = z.object({ from: z.string(), to: z.string() });
/** What a spike exception's details hold (written by runSpikeCheck). */
export const spikeDetails = z.object({
  subject: z.enum(SPIKE_SUBJECTS),
  code: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  week: z.string(),
  window: range,
  baselineWeeks: z.array(range.extend({ count: z.number() })),
  current: z.number(),
  mean: z.number(),
  spread: z.number(),
  z: z.number(),
  ratio: z.number().nullable(),
  drill: z.string(),
});
export type SpikeDetails = z.infer<typeof spikeDetails>;

export interface SpikeCheckResult {
  today: string;
  week: string;
  /** subjects judged */
  judged: number;
  raised: SpikeDetails[];
  /** spikes found but not raised: one this week already, or an earlier one still open */
  skipped: SpikeDetails[];
}

async function subjectLabels(db: Database, subject: SpikeSubject, codes: readonly string[]): Promise<(code: string) => Label> {
  const { policy } = await currentPolicy(db);
  const units = subject === 'branch' ? await findOrgUnitsByIds(db, codes) : [];
  const lookups = {
    taxonomies: policy.taxonomies,
    orgUnits: new Map<string, Label>(units.map((u) => [u.id, { zh: u.name_zh, en: u.name_en }])),
    users: new Map<string, string>(),
  };
  return (code) => keyLabel(subject, code, lookups);
}

/** Judges every subject and raises the spikes; a repeated run the same week raises nothing twice. */
export async function runSpikeCheck(ctx: ServiceContext, settings: SpikeSettings = DEFAULT_SPIKE_SETTINGS): Promise<SpikeCheckResult> {
  const now = ctx.now();
  const today = localDate(now, ctx.timeZone);
  const week = isoWeekOf(today);
  const w = spikeWindows(today, settings);
  const result: SpikeCheckResult = { today, week, judged: 0, raised: [], skipped: [] };
  for (const subject of SPIKE_SUBJECTS) {
    const daily = new Map<string, Map<string, number>>();
    for (const r of await subjectDailyCounts(ctx.db, subject, w.span.from, w.span.to)) {
      let m = daily.get(r.code);
      if (!m) daily.set(r.code, (m = new Map()));
      m.set(r.day, r.count);
    }
    result.judged += daily.size;
    const found: Array<{ code: string; a: SpikeAssessment }> = [];
    for (const [code, days] of daily) {
      const a = assessSpike(
        countIn(days, w.current),
        w.weeks.map((wk) => countIn(days, wk)),
        settings,
      );
      if (a.spike) found.push({ code, a });
    }
    if (found.length === 0) continue;
    const label = await subjectLabels(
      ctx.db,
      subject,
      found.map((f) => f.code),
    );
    for (const { code, a } of found) {
      const details: SpikeDetails = {
        subject,
        code,
        label: label(code),
        week,
        window: w.current,
        baselineWeeks: w.weeks.map((wk, i) => ({ ...wk, count: a.baseline[i] ?? 0 })),
        current: a.current,
        mean: a.mean,
        spread: a.spread,
        z: a.z,
        ratio: a.ratio,
        drill: drillString('received', {
          filter: {},
          keys: [{ dimension: subject, value: code }],
          from: w.current.from,
          to: w.current.to,
          timeZone: ctx.timeZone,
        }),
      };
      const raised = await ctx.db.transaction().execute(async (trx) => raiseSpike(trx, details, settings, now));
      (raised ? result.raised : result.skipped).push(details);
    }
  }
  return result;
}

/** One spike's exception and notice, in the caller's transaction; false when not raised. */
async function raiseSpike(trx: Database, d: SpikeDetails, settings: SpikeSettings, now: Date): Promise<boolean> {
  const subject = { kind: d.subject, code: d.code };
  if ((await listOpenSpikeRows(trx, [subject])).length > 0) return false;
  const sourceKey = spikeSourceKey(d.subject, d.code, d.week);
  const inserted = await insertException(trx, { complaintId: null, kind: 'spike', clockId: null, sourceKey, details: d, at: now, subject });
  if (!inserted) return false;
  const inspectors = (await usersWithRole(trx, 'supervision_inspector')).map((u) => u.id);
  await sendNotifications(
    trx,
    inspectors,
    {
      complaintId: null,
      kind: SPIKE_NOTICE_KIND,
      sourceKey,
      message: {
        template: 'spike.raised',
        params: {
          subject: d.subject,
          nameZh: d.label.zh,
          nameEn: d.label.en,
          count: d.current,
          baselineMean: d.mean,
          baselineWeeks: settings.baselineWeeks,
          from: d.window.from,
          to: d.window.to,
          link: SPIKES_LINK,
        },
      },
    },
    now,
  );
  return true;
}

export interface SpikeItem extends SpikeDetails {
  id: string;
  raisedAt: Date;
}

function toSpikeItem(r: ExceptionRow): SpikeItem | null {
  const d = spikeDetails.safeParse(r.details);
  return d.success ? { id: r.id, raisedAt: r.raised_at, ...d.data } : null;
}

/** The open spikes, newest first; only for readers of every complaint (the figures are company-wide). */
export async function listOpenSpikes(ctx: ServiceContext, p: Principal): Promise<SpikeItem[]> {
  if (!scopeFilter(p).all) return [];
  return (await listOpenSpikeRows(ctx.db)).map(toSpikeItem).filter((s): s is SpikeItem => s !== null);
}

/** Grading's input: the open spikes on a complaint's product or category (none: []). */
export async function openSpikeSignals(
  db: Database,
  c: { product: string | null; category: string },
): Promise<Array<{ subject: 'product' | 'category'; code: string; week: string }>> {
  const subjects: Array<{ kind: 'product' | 'category'; code: string }> = [{ kind: 'category', code: c.category }];
  if (c.product) subjects.unshift({ kind: 'product', code: c.product });
  const rows = await listOpenSpikeRows(db, subjects);
  return rows.flatMap((r) =>
    (r.subject_kind === 'product' || r.subject_kind === 'category') && r.subject_code !== null
      ? [{ subject: r.subject_kind, code: r.subject_code, week: toSpikeItem(r)?.week ?? '' }]
      : [],
  );
}
