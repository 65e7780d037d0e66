import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { defaultPolicy } from '../policy/policy.defaults.js';
import { policySchema, type Policy } from '../policy/policy.schema.js';
import { findKeywords, gradingThresholdsFor, proposeLevel, type GradingFacts, type GradingReason, type RiskFlag } from './grading.js';

function facts(overrides: Partial<GradingFacts> = {}): GradingFacts {
  return {
    businessLine: 'life',
    amount: null,
    riskFlags: [],
    urgent: false,
    text: '理赔进度慢，希望尽快处理',
    jointComplainants: 1,
    sameMatterRecentCount: 1,
    repeatComplaint: false,
    regulatorReferral: false,
    ...overrides,
  };
}

const rules = (reasons: readonly GradingReason[]) => reasons.map((reason) => reason.rule);

/** brokerage overridden to L1 above 500,000 and L2 from 50,000; validated like any published policy. */
const overridden: Policy = policySchema.parse({
  ...structuredClone(defaultPolicy),
  grading: { ...structuredClone(defaultPolicy.grading), brokerage: { l1Above: '500000', l2From: '50000' } },
});

describe('amount boundaries', () => {
  const lines = defaultPolicy.taxonomies.businessLines.map((line) => line.code);
  const cases: Array<[string, 1 | 2 | 3, string]> = [
    ['0', 3, 'amount_below_l2'],
    ['9999.99', 3, 'amount_below_l2'],
    ['10000', 2, 'amount_l2_band'],
    ['10000.01', 2, 'amount_l2_band'],
    ['100000', 2, 'amount_l2_band'],
    ['100000.00', 2, 'amount_l2_band'],
    ['100000.01', 1, 'amount_above_l1'],
  ];
  for (const businessLine of lines) {
    it.each(cases)(`${businessLine}: %s -> L%i`, (amount, level, rule) => {
      const proposal = proposeLevel(facts({ businessLine, amount }), defaultPolicy);
      expect(proposal.level).toBe(level);
      expect(rules(proposal.reasons)).toEqual([rule]);
      expect(proposal.major).toBe(false);
    });
  }

  it.each<[string, 1 | 2 | 3]>([
    ['49999.99', 3],
    ['50000', 2],
    ['100000.01', 2],
    ['500000', 2],
    ['500000.01', 1],
  ])('overridden brokerage: %s -> L%i', (amount, level) => {
    expect(proposeLevel(facts({ businessLine: 'brokerage', amount }), overridden).level).toBe(level);
    // other lines keep the defaults
    expect(proposeLevel(facts({ businessLine: 'life', amount: '100000.01' }), overridden).level).toBe(1);
  });

  it('reports amount and threshold', () => {
    const [above] = proposeLevel(facts({ amount: '120000.50' }), defaultPolicy).reasons;
    expect(above).toEqual({ rule: 'amount_above_l1', level: 1, detail: { amount: '120000.50', threshold: '100000' } });
    const [band] = proposeLevel(facts({ amount: '20000' }), defaultPolicy).reasons;
    expect(band?.detail).toEqual({ amount: '20000', l2From: '10000', l1Above: '100000' });
  });

  it('compares exactly at the largest amounts', () => {
    const policy = policySchema.parse({
      ...structuredClone(defaultPolicy),
      grading: { ...structuredClone(defaultPolicy.grading), life: { l1Above: '999999999999.98', l2From: '10000' } },
    });
    expect(proposeLevel(facts({ amount: '999999999999.99' }), policy).level).toBe(1);
    expect(proposeLevel(facts({ amount: '999999999999.98' }), policy).level).toBe(2);
  });
});

describe('defaults and inputs', () => {
  it('is L3 by default when nothing fires', () => {
    const proposal = proposeLevel(facts(), defaultPolicy);
    expect(proposal).toEqual({
      level: 3,
      reasons: [{ rule: 'default_l3', level: 3, detail: {} }],
      major: false,
      majorReasons: [],
    });
  });

  it('does not raise the level for urgency alone', () => {
    expect(proposeLevel(facts({ urgent: true }), defaultPolicy).level).toBe(3);
  });

  it('throws a DomainError for a business line without thresholds', () => {
    expect(() => proposeLevel(facts({ businessLine: 'car' }), defaultPolicy)).toThrow(DomainError);
    expect(() => proposeLevel(facts({ businessLine: 'constructor' }), defaultPolicy)).toThrow(DomainError);
  });

  it('gradingThresholdsFor returns undefined for unknown lines, including prototype names', () => {
    expect(gradingThresholdsFor(defaultPolicy, 'health')).toEqual({ l1Above: '100000', l2From: '10000' });
    expect(gradingThresholdsFor(defaultPolicy, 'car')).toBeUndefined();
    expect(gradingThresholdsFor(defaultPolicy, 'toString')).toBeUndefined();
  });

  it('throws a DomainError for an invalid amount', () => {
    expect(() => proposeLevel(facts({ amount: '1e6' }), defaultPolicy)).toThrow(DomainError);
  });
});

describe('risk flags', () => {
  it.each<[RiskFlag, 1 | 2, string]>([
    ['reputational', 1, 'flag_reputational'],
    ['legal', 1, 'flag_legal'],
    ['mass_incident', 1, 'flag_mass_incident'],
    ['media', 2, 'flag_media'],
    ['agitated_customer', 2, 'flag_agitated'],
  ])('%s -> L%i', (flag, level, rule) => {
    const proposal = proposeLevel(facts({ riskFlags: [flag], amount: '500' }), defaultPolicy);
    expect(proposal.level).toBe(level);
    expect(proposal.reasons[0]).toEqual({ rule, level, detail: { flag } });
    expect(rules(proposal.reasons)).toEqual([rule, 'amount_below_l2']);
  });

  it('reports each flag once, in a fixed order', () => {
    const proposal = proposeLevel(facts({ riskFlags: ['agitated_customer', 'legal', 'legal', 'media'] }), defaultPolicy);
    expect(rules(proposal.reasons)).toEqual(['flag_legal', 'flag_media', 'flag_agitated']);
  });
});

describe('keywords', () => {
  it('起诉 in the text -> L1 naming the keyword', () => {
    const proposal = proposeLevel(facts({ text: '如果不赔付，我将起诉贵公司' }), defaultPolicy);
    expect(proposal.level).toBe(1);
    expect(proposal.reasons).toEqual([{ rule: 'keyword_l1', level: 1, detail: { keyword: '起诉' } }]);
  });

  it('媒体 -> L2', () => {
    const proposal = proposeLevel(facts({ text: '我会联系媒体' }), defaultPolicy);
    expect(proposal.level).toBe(2);
    expect(proposal.reasons).toEqual([{ rule: 'keyword_l2', level: 2, detail: { keyword: '媒体' } }]);
  });

  it('reports several keywords, each distinct keyword once', () => {
    const text = '已请律师准备起诉，律师说可以起诉；还会向12378投诉并找记者曝光，记者已联系';
    const proposal = proposeLevel(facts({ text }), defaultPolicy);
    expect(proposal.level).toBe(1);
    expect(proposal.reasons.map((reason) => [reason.rule, reason.detail.keyword])).toEqual([
      ['keyword_l1', '起诉'],
      ['keyword_l1', '律师'],
      ['keyword_l1', '12378'],
      ['keyword_l2', '曝光'],
      ['keyword_l2', '记者'],
    ]);
  });

  it('matches case-insensitively and full-width digits', () => {
    expect(findKeywords('Call ABC News', ['abc'])).toEqual(['abc']);
    expect(findKeywords('我已拨打１２３８６', ['12386'])).toEqual(['12386']);
    expect(findKeywords('nothing here', ['起诉', ''])).toEqual([]);
  });
});

describe('mass incident, regulator and repeat', () => {
  it.each<[number, 1 | 3, boolean]>([
    [4, 3, false],
    [5, 1, true],
    [19, 1, true],
  ])('%i joint complainants -> L%i', (count, level, fires) => {
    const proposal = proposeLevel(facts({ jointComplainants: count }), defaultPolicy);
    expect(proposal.level).toBe(level);
    expect(rules(proposal.reasons).includes('mass_joint_complainants')).toBe(fires);
    expect(proposal.major).toBe(false);
  });

  it.each<[number, 1 | 3]>([
    [19, 3],
    [20, 1],
  ])('%i complaints on the same matter -> L%i', (count, level) => {
    const proposal = proposeLevel(facts({ sameMatterRecentCount: count }), defaultPolicy);
    expect(proposal.level).toBe(level);
    if (level === 1) {
      expect(proposal.reasons).toEqual([{ rule: 'mass_same_matter', level: 1, detail: { count: 20, threshold: 20, windowDays: 7 } }]);
    }
  });

  it.each<[number, number, 1 | 3]>([
    // a small matter: no baseline, the count alone decides (as before #16)
    [20, 0, 1],
    // a busy product at a million complaints: 40 a week is its ordinary week (baseline 30/week)
    [40, 30, 3],
    [89, 30, 3],
    // three times its own baseline: unusual, a possible mass incident
    [90, 30, 1],
    // below the policy's count, whatever the baseline
    [19, 1, 3],
  ])('#16 %i on the same matter with a baseline of %i per window -> L%i', (count, baseline, level) => {
    const proposal = proposeLevel(facts({ sameMatterRecentCount: count, sameMatterBaseline: baseline }), defaultPolicy);
    expect(proposal.level).toBe(level);
    if (level === 1)
      expect(proposal.reasons).toEqual([{ rule: 'mass_same_matter', level: 1, detail: { count, threshold: 20, windowDays: 7, baseline } }]);
  });

  it('R-F3 an open spike on the product or category -> L2 with the spike named (the grader decides; never L1 by itself)', () => {
    const spikes = [
      { subject: 'product' as const, code: '安心医疗险', week: '2026-W48' },
      { subject: 'category' as const, code: 'claims', week: '2026-W47' },
    ];
    const proposal = proposeLevel(facts({ openSpikes: spikes }), defaultPolicy);
    expect(proposal.level).toBe(2);
    expect(proposal.reasons).toEqual([
      { rule: 'mass_spike', level: 2, detail: { subject: 'product', code: '安心医疗险', week: '2026-W48' } },
      { rule: 'mass_spike', level: 2, detail: { subject: 'category', code: 'claims', week: '2026-W47' } },
    ]);
    expect(proposal.major).toBe(false);
    // with a level-1 rule the spike is still listed, below it
    const both = proposeLevel(facts({ openSpikes: spikes.slice(0, 1), regulatorReferral: true }), defaultPolicy);
    expect(both.level).toBe(1);
    expect(rules(both.reasons)).toEqual(['regulator_named', 'mass_spike']);
  });

  it('regulator referral -> L1 but not by itself a major complaint', () => {
    const proposal = proposeLevel(facts({ regulatorReferral: true }), defaultPolicy);
    expect(proposal.level).toBe(1);
    expect(rules(proposal.reasons)).toEqual(['regulator_named']);
    expect(proposal.major).toBe(false);
  });

  it('repeat complaint -> L2', () => {
    const proposal = proposeLevel(facts({ repeatComplaint: true }), defaultPolicy);
    expect(proposal.level).toBe(2);
    expect(proposal.reasons).toEqual([{ rule: 'repeat_complaint', level: 2, detail: { windowDays: 30 } }]);
  });
});

describe('major complaints', () => {
  it('20 joint complainants: major, L1, both the mass and the major rule reported', () => {
    const proposal = proposeLevel(facts({ jointComplainants: 20 }), defaultPolicy);
    expect(proposal.level).toBe(1);
    expect(proposal.major).toBe(true);
    expect(rules(proposal.reasons)).toEqual(['mass_joint_complainants', 'major_joint_complainants']);
    expect(rules(proposal.majorReasons)).toEqual(['major_joint_complainants']);
  });

  it.each<[Partial<GradingFacts>, string]>([
    [{ disasterRelated: true }, 'major_disaster'],
    [{ regulatorDesignatedMajor: true }, 'major_regulator_designated'],
  ])('%o -> major, L1', (extra, rule) => {
    const proposal = proposeLevel(facts({ amount: '100', ...extra }), defaultPolicy);
    expect(proposal).toMatchObject({ level: 1, major: true });
    expect(rules(proposal.majorReasons)).toEqual([rule]);
    expect(rules(proposal.reasons)).toEqual([rule, 'amount_below_l2']);
  });
});

describe('all fired rules are reported', () => {
  it('lists every rule, most severe first', () => {
    const proposal = proposeLevel(
      facts({
        amount: '50000',
        riskFlags: ['agitated_customer', 'reputational'],
        text: '非常气愤，要去法院',
        repeatComplaint: true,
        regulatorReferral: true,
      }),
      defaultPolicy,
    );
    expect(proposal.level).toBe(1);
    expect(rules(proposal.reasons)).toEqual([
      'flag_reputational',
      'regulator_named',
      'keyword_l1',
      'amount_l2_band',
      'flag_agitated',
      'keyword_l2',
      'repeat_complaint',
    ]);
  });

  it('a small amount with a level-2 signal is L2 and still reports the amount', () => {
    const proposal = proposeLevel(facts({ amount: '500', text: '要在抖音上曝光' }), defaultPolicy);
    expect(proposal.level).toBe(2);
    expect(rules(proposal.reasons)).toEqual(['keyword_l2', 'keyword_l2', 'amount_below_l2']);
  });
});
