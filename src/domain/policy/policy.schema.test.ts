import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './policy.defaults.js';
import { clockKindSchema, MAJOR_CLOCK_KINDS, policySchema, POLICY_CLOCK_KINDS, type Policy } from './policy.schema.js';

function variant(change: (policy: Policy) => void): unknown {
  const copy = structuredClone(defaultPolicy);
  change(copy);
  return copy;
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = policySchema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('defaultPolicy', () => {
  it('is valid and round-trips unchanged', () => {
    expect(policySchema.parse(defaultPolicy)).toEqual(defaultPolicy);
  });

  it('holds the documented defaults', () => {
    expect(defaultPolicy.complaintNumberPrefix).toBe('TS');
    expect(defaultPolicy.clocks.urgent_initial_response).toEqual({ amount: 30, unit: 'minutes' });
    expect(defaultPolicy.clocks.formal_review).toEqual({ amount: 30, unit: 'calendar_days' });
    expect(Object.keys(defaultPolicy.clocks)).toEqual([...POLICY_CLOCK_KINDS]);
    expect(defaultPolicy.regulatory).toEqual({ decisionDays: 15, extendedDays: 30, maxDays: 60 });
    expect(defaultPolicy.taxonomies.channels.map((c) => c.code)).toEqual([
      'hotline',
      'web',
      'app',
      'branch',
      'letter',
      'email',
      'regulator_referral',
      'other',
    ]);
    for (const line of defaultPolicy.taxonomies.businessLines) {
      expect(defaultPolicy.grading[line.code]).toEqual({ l1Above: '100000', l2From: '10000' });
      expect(defaultPolicy.retention[line.code]).toBe(line.sector === 'insurance' ? 10 : 20);
    }
    expect(defaultPolicy.taxonomies.categories.find((c) => c.code === 'claims_dispute')?.zh).toBe('理赔纠纷');
  });

  it('is frozen so a test or caller cannot change it for everyone', () => {
    expect(Object.isFrozen(defaultPolicy.clocks.l1_result)).toBe(true);
    expect(Object.isFrozen(defaultPolicy.taxonomies.channels[0])).toBe(true);
  });

  it('clock kinds include the regulatory clock', () => {
    expect(clockKindSchema.options).toContain('regulatory');
    expect(clockKindSchema.options).toEqual([...POLICY_CLOCK_KINDS, 'regulatory', 'progress_report', 'milestone', ...MAJOR_CLOCK_KINDS]);
  });
});

describe('policySchema rejects', () => {
  it.each<[string, (p: Policy) => void, string]>([
    [
      'a negative clock',
      (p) => {
        p.clocks.l1_result.amount = -1;
      },
      'clocks.l1_result.amount',
    ],
    [
      'a zero clock',
      (p) => {
        p.clocks.l3_answer.amount = 0;
      },
      'clocks.l3_answer.amount',
    ],
    [
      'a fractional clock',
      (p) => {
        p.clocks.l3_answer.amount = 1.5;
      },
      'clocks.l3_answer.amount',
    ],
    [
      'an unknown unit',
      (p) => {
        Object.assign(p.clocks.l3_answer, { unit: 'weeks' });
      },
      'clocks.l3_answer.unit',
    ],
    [
      'a missing clock',
      (p) => {
        Reflect.deleteProperty(p.clocks, 'l2_result');
      },
      'clocks.l2_result',
    ],
    [
      'an unknown clock',
      (p) => {
        Object.assign(p.clocks, { l4_result: { amount: 1, unit: 'hours' } });
      },
      'clocks',
    ],
    [
      'an unknown top-level key',
      (p) => {
        Object.assign(p, { timeZone: 'Asia/Shanghai' });
      },
      '',
    ],
    [
      'an unknown nested key',
      (p) => {
        Object.assign(p.regulatory, { pauseDays: 3 });
      },
      'regulatory',
    ],
    [
      'l2From equal to l1Above',
      (p) => {
        p.grading.life = { l1Above: '10000', l2From: '10000' };
      },
      'grading.life.l2From',
    ],
    [
      'l2From above l1Above',
      (p) => {
        p.grading.life = { l1Above: '10000', l2From: '10000.01' };
      },
      'grading.life.l2From',
    ],
    [
      'an invalid threshold',
      (p) => {
        p.grading.life = { l1Above: '1e5', l2From: '10000' };
      },
      'grading.life.l1Above',
    ],
    [
      'a grading key that is no business line',
      (p) => {
        p.grading.car = { l1Above: '2', l2From: '1' };
      },
      'grading.car',
    ],
    [
      'a business line without grading',
      (p) => {
        Reflect.deleteProperty(p.grading, 'health');
      },
      'grading',
    ],
    [
      'a retention key that is no business line',
      (p) => {
        p.retention.car = 5;
      },
      'retention.car',
    ],
    [
      'a business line without retention',
      (p) => {
        Reflect.deleteProperty(p.retention, 'brokerage');
      },
      'retention',
    ],
    [
      'a duplicate category code',
      (p) => {
        p.taxonomies.categories.push({ code: 'other', zh: '其他2', en: 'Other 2', active: true });
      },
      'taxonomies.categories.15.code',
    ],
    [
      'a duplicate business line',
      (p) => {
        p.taxonomies.businessLines.push({ code: 'life', zh: '寿险', en: 'Life', active: false, sector: 'insurance' });
      },
      'taxonomies.businessLines.7.code',
    ],
    [
      'a code that is not snake_case',
      (p) => {
        p.taxonomies.causes.push({ code: 'Third-Party', zh: '第三方', en: 'x', active: true });
      },
      'taxonomies.causes.12.code',
    ],
    [
      'a business line without sector',
      (p) => {
        Reflect.deleteProperty(p.taxonomies.businessLines[0] ?? {}, 'sector');
      },
      'taxonomies.businessLines.0.sector',
    ],
    [
      'an unknown channel code',
      (p) => {
        p.taxonomies.channels.push({ code: 'wechat' as 'web', zh: '微信', en: 'WeChat', active: true });
      },
      'taxonomies.channels.8.code',
    ],
    [
      'a removed built-in channel',
      (p) => {
        p.taxonomies.channels.pop();
      },
      'taxonomies.channels',
    ],
    [
      'an empty label',
      (p) => {
        Object.assign(p.taxonomies.outcomes[0] ?? {}, { zh: ' ' });
      },
      'taxonomies.outcomes.0.zh',
    ],
    [
      'decisionDays above extendedDays',
      (p) => {
        p.regulatory.decisionDays = 31;
      },
      'regulatory.extendedDays',
    ],
    [
      'extendedDays above maxDays',
      (p) => {
        p.regulatory.maxDays = 29;
      },
      'regulatory.maxDays',
    ],
    [
      'a warning fraction of 1',
      (p) => {
        p.warningFractions = [0.5, 1];
      },
      'warningFractions.1',
    ],
    [
      'descending warning fractions',
      (p) => {
        p.warningFractions = [0.8, 0.5];
      },
      'warningFractions',
    ],
    [
      'working hours ending before they start',
      (p) => {
        p.workingHours = { start: '17:30', end: '09:00' };
      },
      'workingHours.end',
    ],
    [
      'a malformed time',
      (p) => {
        p.workingHours.start = '9:00';
      },
      'workingHours.start',
    ],
    [
      'a lower-case prefix',
      (p) => {
        p.complaintNumberPrefix = 'ts';
      },
      'complaintNumberPrefix',
    ],
    [
      'a duplicate keyword',
      (p) => {
        p.keywords.level1.push('起诉');
      },
      'keywords.level1',
    ],
    [
      'a keyword in both lists',
      (p) => {
        p.keywords.level2.push('律师');
      },
      'keywords.level2',
    ],
    [
      'an empty keyword',
      (p) => {
        p.keywords.level2.push('  ');
      },
      'keywords.level2.11',
    ],
    [
      'a bounded last compensation band',
      (p) => {
        p.compensationBands.pop();
      },
      'compensationBands.1.upTo',
    ],
    [
      'an unbounded middle band',
      (p) => {
        p.compensationBands.splice(1, 0, { upTo: null, approver: 'supervisor' });
      },
      'compensationBands.1.upTo',
    ],
    [
      'descending compensation bands',
      (p) => {
        p.compensationBands[1] = { upTo: '5000', approver: 'department_head' };
      },
      'compensationBands.1.upTo',
    ],
    [
      'an unknown approver',
      (p) => {
        Object.assign(p.compensationBands[0] ?? {}, { approver: 'ceo' });
      },
      'compensationBands.0.approver',
    ],
    [
      'a formal review from round 1',
      (p) => {
        p.reopen.formalReviewFromRound = 1;
      },
      'reopen.formalReviewFromRound',
    ],
    [
      'zero audit retention',
      (p) => {
        p.auditRetentionYears = 0;
      },
      'auditRetentionYears',
    ],
  ])('%s', (_name, change, path) => {
    const issues = issuesOf(variant(change));
    expect(issues.map((issue) => issue.path)).toContain(path);
    for (const issue of issues) expect(issue.message).not.toBe('');
  });

  it('reports an invalid amount as an issue, not an exception, even where a refinement compares it', () => {
    const input = variant((p) => {
      p.grading.life = { l1Above: 'abc', l2From: '-1' };
      p.compensationBands[0] = { upTo: '1,000', approver: 'supervisor' };
    });
    const paths = issuesOf(input).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['grading.life.l1Above', 'grading.life.l2From', 'compensationBands.0.upTo']));
  });

  it('rejects a document of the wrong shape without throwing', () => {
    expect(policySchema.safeParse(null).success).toBe(false);
    expect(policySchema.safeParse({}).success).toBe(false);
    expect(
      policySchema.safeParse(
        variant((p) => {
          Object.assign(p, { taxonomies: 'x' });
        }),
      ).success,
    ).toBe(false);
  });

  it('accepts an overridden threshold and a deactivated entry', () => {
    const input = variant((p) => {
      p.grading.brokerage = { l1Above: '500000', l2From: '50000.5' };
      const web = p.taxonomies.channels.find((c) => c.code === 'web');
      if (web) web.active = false;
    });
    expect(policySchema.safeParse(input).success).toBe(true);
  });
});

describe('versions stored before issue #9 (no handling, no categoryLines)', () => {
  it('still parse, with four eyes on, customer service as default department and the default category lines', () => {
    const stored = structuredClone(defaultPolicy) as unknown as { handling?: unknown; taxonomies: { categoryLines?: unknown } };
    delete stored.handling;
    delete stored.taxonomies.categoryLines;
    const parsed = policySchema.parse(stored);
    expect(parsed.handling).toEqual({ fourEyes: true, defaultDepartmentCode: 'CS', supervisionDepartmentCode: null });
    expect(parsed.taxonomies.categoryLines.securities_trading).not.toContain('property_casualty');
    expect(parsed).toEqual(defaultPolicy);
  });

  it('a mapping naming a category or line the lists no longer hold still parses (ignored when used)', () => {
    const input = variant((p) => {
      p.taxonomies.categoryLines = { retired_category: ['life'], claims_dispute: ['retired_line'] };
    });
    expect(policySchema.safeParse(input).success).toBe(true);
  });
});

describe('policySchema never throws', () => {
  /** Every path of the default document, so each one can be corrupted in turn. */
  function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (typeof value !== 'object' || value === null) return [prefix];
    const children = Object.entries(value).flatMap(([key, child]) => paths(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
    return [prefix, ...children];
  }

  function corrupt(path: (string | number)[], replacement: unknown): unknown {
    const copy: unknown = structuredClone(defaultPolicy);
    if (path.length === 0) return replacement;
    let node: unknown = copy;
    for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
    (node as Record<string | number, unknown>)[path[path.length - 1] ?? ''] = replacement;
    return copy;
  }

  it('returns issues, not exceptions, for any one corrupted value', () => {
    const garbage: unknown[] = [null, 123, -1, 'x', '', [], {}, true, [null], { code: 1 }];
    let checked = 0;
    for (const path of paths(defaultPolicy)) {
      for (const replacement of garbage) {
        const input = corrupt(path, replacement);
        expect(() => policySchema.safeParse(input), path.join('.')).not.toThrow();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
