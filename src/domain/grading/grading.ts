/**
 * Proposes a complaint level from its facts (policy §3, R-C1, R-C2). Pure: a person confirms or
 * overrides the proposal. Every rule that fired is reported, so the reviewer sees why.
 */
import type { Level, RiskFlag } from '../codes.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import { compareAmount } from '../money.js';
import { normalizeKeyword, type GradingThresholds, type Policy } from '../policy/policy.schema.js';

export type { Level, RiskFlag };

export interface GradingFacts {
  businessLine: string;
  /** CNY amount involved (a valid amount string, see money.ts), or null when none is stated */
  amount: string | null;
  riskFlags: readonly RiskFlag[];
  /** urgency drives the initial-response clock, not the level */
  urgent: boolean;
  /** description + requested remedy */
  text: string;
  /** >= 1 */
  jointComplainants: number;
  /** complaints on the same product and category within massIncident.windowDays, including this one */
  sameMatterRecentCount: number;
  /**
   * #16: the same matter's average count per window over the massIncident.baselineWindows windows
   * before this one (0 for a new matter); absent: no baseline known, the count alone decides
   */
  sameMatterBaseline?: number;
  /** same complainant and category within repeatWindowDays */
  repeatComplaint: boolean;
  /** received through the regulator_referral channel (12378 / 12386) */
  regulatorReferral: boolean;
  /** caused by a disaster, accident or public-health event (major complaint) */
  disasterRelated?: boolean;
  /** the regulator has designated it a major complaint (CBIRC Order 2020 No. 3 art. 29) */
  regulatorDesignatedMajor?: boolean;
  /**
   * open spike alerts (#13, R-F3) on the complaint's product or category: complaints on it rise
   * sharply above their own baseline, which may be a mass incident forming before the same-matter
   * count reaches the policy's threshold
   */
  openSpikes?: ReadonlyArray<{ subject: 'product' | 'category'; code: string; week: string }>;
}

export type GradingRule =
  | 'amount_above_l1'
  | 'amount_l2_band'
  | 'amount_below_l2'
  | 'flag_reputational'
  | 'flag_legal'
  | 'flag_mass_incident'
  | 'flag_media'
  | 'flag_agitated'
  | 'mass_joint_complainants'
  | 'mass_same_matter'
  | 'mass_spike'
  | 'regulator_named'
  | 'keyword_l1'
  | 'keyword_l2'
  | 'repeat_complaint'
  | 'major_joint_complainants'
  | 'major_disaster'
  | 'major_regulator_designated'
  | 'default_l3';

export interface GradingReason {
  rule: GradingRule;
  level: Level;
  detail: Record<string, string | number>;
}

export interface GradingProposal {
  level: Level;
  /** every rule that fired, most severe first (stable otherwise), including the major-complaint rules */
  reasons: GradingReason[];
  /** a major complaint: the emergency plan applies; always level 1 */
  major: boolean;
  majorReasons: GradingReason[];
}

/** In this order, so reasons come out the same whatever order the flags were given in. */
const FLAG_RULES: ReadonlyArray<readonly [RiskFlag, GradingRule, Level]> = [
  ['reputational', 'flag_reputational', 1],
  ['legal', 'flag_legal', 1],
  ['mass_incident', 'flag_mass_incident', 1],
  ['media', 'flag_media', 2],
  ['agitated_customer', 'flag_agitated', 2],
];

const MAJOR_RULES: ReadonlySet<GradingRule> = new Set<GradingRule>([
  'major_joint_complainants',
  'major_disaster',
  'major_regulator_designated',
]);

/** The amount thresholds of a business line, or undefined when the policy has none for it. */
export function gradingThresholdsFor(policy: Policy, businessLine: string): GradingThresholds | undefined {
  return Object.hasOwn(policy.grading, businessLine) ? policy.grading[businessLine] : undefined;
}

/**
 * The keywords that occur in the text: case-insensitive substring match after folding full-width
 * forms (Chinese has no word boundaries). Each distinct keyword once, in list order.
 */
export function findKeywords(text: string, keywords: readonly string[]): string[] {
  const haystack = normalizeKeyword(text);
  const found = new Map<string, string>();
  for (const keyword of keywords) {
    const needle = normalizeKeyword(keyword.trim());
    if (needle !== '' && !found.has(needle) && haystack.includes(needle)) found.set(needle, keyword);
  }
  return [...found.values()];
}

/**
 * Level = the most severe level of all rules that fired; level 3 only when nothing else fired.
 * Assumes validated facts: an unknown business line or an invalid amount throws a DomainError.
 */
export function proposeLevel(facts: GradingFacts, policy: Policy): GradingProposal {
  const thresholds = gradingThresholdsFor(policy, facts.businessLine);
  if (thresholds === undefined) {
    throw new DomainError(
      DomainErrorCode.validation,
      { reason: 'unknown_business_line', businessLine: facts.businessLine },
      'businessLine',
    );
  }

  const reasons: GradingReason[] = [];
  const fire = (rule: GradingRule, level: Level, detail: GradingReason['detail'] = {}): void => {
    reasons.push({ rule, level, detail });
  };

  if (facts.amount !== null) {
    const { amount } = facts;
    if (compareAmount(amount, thresholds.l1Above) > 0) {
      fire('amount_above_l1', 1, { amount, threshold: thresholds.l1Above });
    } else if (compareAmount(amount, thresholds.l2From) >= 0) {
      fire('amount_l2_band', 2, { amount, l2From: thresholds.l2From, l1Above: thresholds.l1Above });
    } else {
      fire('amount_below_l2', 3, { amount, threshold: thresholds.l2From });
    }
  }

  const flags = new Set(facts.riskFlags);
  for (const [flag, rule, level] of FLAG_RULES) {
    if (flags.has(flag)) fire(rule, level, { flag });
  }

  const { massIncident, majorComplaint } = policy;
  if (facts.jointComplainants >= massIncident.jointComplainants) {
    fire('mass_joint_complainants', 1, { count: facts.jointComplainants, threshold: massIncident.jointComplainants });
  }
  if (sameMatterUnusual(facts, massIncident)) {
    fire('mass_same_matter', 1, {
      count: facts.sameMatterRecentCount,
      threshold: massIncident.sameMatterCount,
      windowDays: massIncident.windowDays,
      ...(facts.sameMatterBaseline !== undefined ? { baseline: Math.round(facts.sameMatterBaseline * 10) / 10 } : {}),
    });
  }
  // A spike is a statistical signal, not the policy's mass-incident test: it proposes level 2 (a
  // supervisor-led investigation) and names itself, so the grader sees it and decides; a complaint
  // already graded is never regraded by a spike (only new proposals read it).
  for (const s of facts.openSpikes ?? []) fire('mass_spike', 2, { subject: s.subject, code: s.code, week: s.week });
  if (facts.regulatorReferral) fire('regulator_named', 1, { channel: 'regulator_referral' });
  for (const keyword of findKeywords(facts.text, policy.keywords.level1)) fire('keyword_l1', 1, { keyword });
  for (const keyword of findKeywords(facts.text, policy.keywords.level2)) fire('keyword_l2', 2, { keyword });
  if (facts.repeatComplaint) fire('repeat_complaint', 2, { windowDays: policy.repeatWindowDays });

  if (facts.jointComplainants >= majorComplaint.jointComplainants) {
    fire('major_joint_complainants', 1, { count: facts.jointComplainants, threshold: majorComplaint.jointComplainants });
  }
  if (facts.disasterRelated === true) fire('major_disaster', 1);
  if (facts.regulatorDesignatedMajor === true) fire('major_regulator_designated', 1);

  if (reasons.length === 0) fire('default_l3', 3);

  // Array.prototype.sort is stable, so equal levels keep the order above.
  reasons.sort((a, b) => a.level - b.level);
  const majorReasons = reasons.filter((reason) => MAJOR_RULES.has(reason.rule));
  const level = reasons[0]?.level ?? 3;
  return { level, reasons, major: majorReasons.length > 0, majorReasons };
}

/**
 * The same-matter test of a possible mass incident (#16): at least the policy's count within the
 * window, and, when the matter's baseline is known, at least `baselineFactor` times its average per
 * window before; so the rule keeps its meaning at any volume (at a million complaints a product's
 * ordinary week has more than 20) while a small matter still fires at the count alone.
 */
export function sameMatterUnusual(
  facts: Pick<GradingFacts, 'sameMatterRecentCount' | 'sameMatterBaseline'>,
  rule: Pick<Policy['massIncident'], 'sameMatterCount' | 'baselineFactor'>,
): boolean {
  if (facts.sameMatterRecentCount < rule.sameMatterCount) return false;
  if (facts.sameMatterBaseline === undefined) return true;
  return facts.sameMatterRecentCount >= rule.baselineFactor * facts.sameMatterBaseline;
}
