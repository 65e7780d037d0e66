/**
 * The numbers of the portal's 处理流程 section (R-G3), taken from the policy in force so that a newly
 * published policy version changes what customers read: the acknowledgment, the urgent and online
 * first replies, the answer deadline of each level, the satisfaction follow-up, the regulator's
 * calendar-day limits, the reopen rule with the formal review from round N, and the regulators'
 * hotlines for the external route (12378 insurance, 12386 securities: fixed by the regulators).
 */
import type { ClockDuration, Policy } from '../policy/policy.schema.js';

/** The regulators' complaint hotlines by sector (CBIRC/NFRA 12378, CSRC 12386). */
export const REGULATOR_HOTLINES = [
  { sector: 'insurance', number: '12378' },
  { sector: 'securities', number: '12386' },
] as const;

export interface PortalProcess {
  policyVersion: number;
  acknowledgment: ClockDuration;
  urgentInitialResponse: ClockDuration;
  onlineFirstReply: ClockDuration;
  /** the answer (result) deadline per level; level 2 also has the agent's first reply */
  levels: { level: 1 | 2 | 3; answer: ClockDuration }[];
  level2FirstReply: ClockDuration;
  satisfactionFollowup: ClockDuration;
  /** the regulator's limit in calendar days: normally, extended for complex cases */
  regulatory: { decisionDays: number; extendedDays: number };
  /** a dissatisfied customer's complaint is handled again; from this round on a formal review by a higher level */
  reopen: { formalReviewFromRound: number; formalReviewBy: 'department_head' | 'leadership'; formalReview: ClockDuration };
  externalRoutes: { sector: 'insurance' | 'securities'; number: string }[];
}

export function portalProcess(policy: Policy, policyVersion: number): PortalProcess {
  const c = policy.clocks;
  const sectors = new Set(policy.taxonomies.businessLines.map((l) => l.sector));
  return {
    policyVersion,
    acknowledgment: c.acknowledgment,
    urgentInitialResponse: c.urgent_initial_response,
    onlineFirstReply: c.online_first_reply,
    levels: [
      { level: 1, answer: c.l1_result },
      { level: 2, answer: c.l2_result },
      { level: 3, answer: c.l3_answer },
    ],
    level2FirstReply: c.l2_agent_reply,
    satisfactionFollowup: c.satisfaction_followup,
    regulatory: { decisionDays: policy.regulatory.decisionDays, extendedDays: policy.regulatory.extendedDays },
    reopen: {
      formalReviewFromRound: policy.reopen.formalReviewFromRound,
      formalReviewBy: policy.reopen.formalReviewBy,
      formalReview: c.formal_review,
    },
    externalRoutes: REGULATOR_HOTLINES.filter((r) => sectors.has(r.sector)).map((r) => ({ sector: r.sector, number: r.number })),
  };
}
