import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/policy.defaults.js';
import { portalProcess } from './portal-process.js';

describe("the portal's process numbers (R-G3)", () => {
  it('come from the policy it is given', () => {
    const policy = structuredClone(defaultPolicy);
    policy.clocks.l1_result = { amount: 7, unit: 'working_days' };
    policy.regulatory = { decisionDays: 10, extendedDays: 20, maxDays: 60 };
    policy.reopen = { formalReviewFromRound: 2, formalReviewBy: 'leadership' };
    const p = portalProcess(policy, 9);
    expect(p.policyVersion).toBe(9);
    expect(p.levels[0]).toEqual({ level: 1, answer: { amount: 7, unit: 'working_days' } });
    expect(p.regulatory).toEqual({ decisionDays: 10, extendedDays: 20 });
    expect(p.reopen).toMatchObject({ formalReviewFromRound: 2, formalReviewBy: 'leadership' });
  });

  it('names only the regulators of the sectors the company has', () => {
    const policy = structuredClone(defaultPolicy);
    policy.taxonomies.businessLines = policy.taxonomies.businessLines.filter((l) => l.sector === 'insurance');
    expect(portalProcess(policy, 1).externalRoutes).toEqual([{ sector: 'insurance', number: '12378' }]);
    expect(portalProcess(defaultPolicy, 1).externalRoutes.map((r) => r.number)).toEqual(['12378', '12386']);
  });
});
