/**
 * The categories the regulators publish complaint statistics in (#13 item 6), and how ours map to
 * them. The NFRA (formerly CBIRC) quarterly notices (保险消费投诉情况通报; the figures transcribed in
 * shared/data/nfra_cbirc_quarterly_notices) split insurance complaints into property insurers
 * (财产保险公司) and personal insurers (人身保险公司, life and health) and, within each, by dispute type:
 * 理赔纠纷, 销售纠纷, 退保纠纷, 保单服务 (保全, renewal and account service), 其他. Securities complaints are
 * reported by business type, which is our business line.
 *
 * Pure data and functions: the repository counts per (business line, category, channel, decision
 * bucket), and regulator-statistics.ts folds those counts into the regulators' tables.
 */

/** The insurance dispute types of the regulators' notices, in their order. */
export const REGULATOR_INSURANCE_CATEGORIES = ['claims', 'sales', 'surrender', 'policy_service', 'other'] as const;
export type RegulatorInsuranceCategory = (typeof REGULATOR_INSURANCE_CATEGORIES)[number];

export const REGULATOR_CATEGORY_LABELS: Record<RegulatorInsuranceCategory, { zh: string; en: string }> = {
  claims: { zh: '理赔纠纷', en: 'Claims disputes' },
  sales: { zh: '销售纠纷', en: 'Sales disputes' },
  surrender: { zh: '退保纠纷', en: 'Surrender disputes' },
  policy_service: { zh: '保单服务', en: 'Policy service' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Our complaint categories (the policy's seed taxonomy) -> the regulators' dispute type. Underwriting
 * and marketing harassment are part of selling (the contract is made at underwriting; the notices
 * count harassing sales calls as sales disputes); premiums and fees are renewal collection and
 * account service (保全). A category not listed here (other, personal data, system outage, a category
 * an administrator adds later) counts as 其他.
 */
export const REGULATOR_CATEGORY_OF: Readonly<Record<string, RegulatorInsuranceCategory>> = {
  claims_dispute: 'claims',
  product_sales: 'sales',
  underwriting: 'sales',
  marketing_harassment: 'sales',
  surrender_refund: 'surrender',
  policy_account_service: 'policy_service',
  premiums_fees: 'policy_service',
};

export function regulatorCategoryOf(category: string): RegulatorInsuranceCategory {
  return REGULATOR_CATEGORY_OF[category] ?? 'other';
}

/**
 * The columns of the regulators' tables: property insurance (财产险), personal insurance (人身险: life,
 * health and every other insurance line), securities.
 */
export const REGULATOR_SEGMENTS = ['property', 'personal', 'securities'] as const;
export type RegulatorSegment = (typeof REGULATOR_SEGMENTS)[number];

export const REGULATOR_SEGMENT_LABELS: Record<RegulatorSegment | 'insurance' | 'total', { zh: string; en: string }> = {
  property: { zh: '财产保险', en: 'Property insurance' },
  personal: { zh: '人身保险', en: 'Personal insurance' },
  securities: { zh: '证券', en: 'Securities' },
  insurance: { zh: '保险合计', en: 'Insurance total' },
  total: { zh: '合计', en: 'Total' },
};

/** Insurance business lines reported as property insurance; every other insurance line is personal insurance. */
export const PROPERTY_INSURANCE_LINES: readonly string[] = ['property_casualty'];

export function segmentOf(sector: string, businessLine: string): RegulatorSegment {
  if (sector === 'securities') return 'securities';
  return PROPERTY_INSURANCE_LINES.includes(businessLine) ? 'property' : 'personal';
}

/**
 * Time to decision: calendar days from the local date of receipt to the local date the decision was
 * told to the customer (the day of receipt not counted, as the regulators' 15-day rule counts), in
 * the bands the regulators ask for; undecided: no decision yet.
 */
export const DECISION_BUCKETS = ['within_15', 'within_30', 'within_60', 'over_60', 'undecided'] as const;
export type DecisionBucket = (typeof DECISION_BUCKETS)[number];

export const DECISION_BUCKET_LABELS: Record<DecisionBucket, { zh: string; en: string }> = {
  within_15: { zh: '15日内', en: 'Within 15 days' },
  within_30: { zh: '16–30日', en: '16–30 days' },
  within_60: { zh: '31–60日', en: '31–60 days' },
  over_60: { zh: '60日以上', en: 'Over 60 days' },
  undecided: { zh: '尚未作出处理决定', en: 'Not decided yet' },
};

/** The bands' upper limits (days, inclusive), in order; later than the last is over_60. */
export const DECISION_LIMITS: ReadonlyArray<{ days: number; bucket: DecisionBucket }> = [
  { days: 15, bucket: 'within_15' },
  { days: 30, bucket: 'within_30' },
  { days: 60, bucket: 'within_60' },
];

/** The band of `days` from receipt to decision (null: undecided). */
export function decisionBucketOf(days: number | null): DecisionBucket {
  if (days === null) return 'undecided';
  return DECISION_LIMITS.find((l) => days <= l.days)?.bucket ?? 'over_60';
}

/** A quarter's first and last local dates: 2026 Q1 = 2026-01-01 .. 2026-03-31. */
export function quarterDates(year: number, quarter: number): { from: string; to: string } {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new RangeError(`invalid year ${year}`);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`invalid quarter ${quarter}`);
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** The quarter before the one holding `date` ('YYYY-MM-DD'): the one a regulator report is due for. */
export function previousQuarter(date: string): { year: number; quarter: number } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? { year: y - 1, quarter: 4 } : { year: y, quarter: q - 1 };
}
