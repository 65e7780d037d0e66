/**
 * The regulators' quarterly complaint statistics (#13 item 6): complaints received in a quarter by
 * the regulators' dispute types (insurance, property and personal insurers apart), by business type
 * (securities), by channel and by days from receipt to decision, within the reader's data scope,
 * as JSON, xlsx or CSV. Every read and every download is written to the audit log.
 */
import { scopeFilter, type Principal } from '../../domain/access/permissions.js';
import { DECISION_LIMITS, quarterDates } from '../../domain/reports/regulator-categories.js';
import { foldRegulatorStatistics, type RegulatorStatistics } from '../../domain/reports/regulator-statistics.js';
import { addDays, zonedTimeToUtc } from '../../domain/time/zoned.js';
import { countForRegulator } from '../../db/repositories/regulator-statistics.repository.js';
import { audit } from '../administration/audit.service.js';
import { currentPolicy } from '../administration/policy.service.js';
import { readerOf, type RequestMeta, type ServiceContext } from '../context.js';
import { regulatorCsv, regulatorWorkbook } from './regulator-statistics-files.js';

export interface RegulatorPeriod {
  year: number;
  quarter: number;
}

export type RegulatorFormat = 'json' | 'xlsx' | 'csv';

/** The figures, without auditing (the report builders call this and audit their own reads); counted on the replica if any. */
export async function computeRegulatorStatistics(ctx: ServiceContext, p: Principal, period: RegulatorPeriod): Promise<RegulatorStatistics> {
  const { from, to } = quarterDates(period.year, period.quarter);
  const { policy } = await currentPolicy(ctx.db);
  const rows = await countForRegulator(readerOf(ctx), scopeFilter(p), {
    from,
    to,
    timeZone: ctx.timeZone,
    bands: { limits: [...DECISION_LIMITS], beyond: 'over_60', undecided: 'undecided' },
  });
  return foldRegulatorStatistics({
    ...period,
    from,
    to,
    receivedFrom: zonedTimeToUtc(from, '00:00', ctx.timeZone),
    receivedTo: zonedTimeToUtc(addDays(to, 1), '00:00', ctx.timeZone),
    asOf: ctx.now(),
    channels: policy.taxonomies.channels,
    categories: policy.taxonomies.categories,
    businessLines: policy.taxonomies.businessLines,
    rows,
  });
}

/** The statistics for the API: read and audited as `statistics.read` (JSON) or `statistics.export` (a file). */
export async function regulatorStatistics(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  period: RegulatorPeriod,
): Promise<RegulatorStatistics> {
  const result = await computeRegulatorStatistics(ctx, p, period);
  await auditRead(ctx, meta, p, period, 'json', result.totals.total);
  return result;
}

export async function regulatorStatisticsFile(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  period: RegulatorPeriod,
  format: 'xlsx' | 'csv',
  english: boolean,
): Promise<{ body: Buffer; fileName: string }> {
  const result = await computeRegulatorStatistics(ctx, p, period);
  const body = format === 'xlsx' ? await regulatorWorkbook(result, english) : Buffer.from(regulatorCsv(result, english), 'utf8');
  await auditRead(ctx, meta, p, period, format, result.totals.total);
  const stem = english ? 'regulator-statistics' : '监管投诉统计';
  return { body, fileName: `${stem}-${period.year}Q${period.quarter}.${format}` };
}

async function auditRead(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  period: RegulatorPeriod,
  format: RegulatorFormat,
  complaints: number,
) {
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: p.username,
    action: format === 'json' ? 'statistics.read' : 'statistics.export',
    outcome: 'success',
    targetType: 'statistics',
    targetId: `regulator:${period.year}Q${period.quarter}`,
    details: { report: 'regulator', year: period.year, quarter: period.quarter, format, complaints },
  });
}
