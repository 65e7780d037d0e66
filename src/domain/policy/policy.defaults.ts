/** The default policy document (policy-defaults.md). Deeply frozen: copy it (structuredClone) to vary it. */
import { defaultTaxonomies } from './policy.taxonomies.js';
import { DEFAULT_SUPERVISION } from '../supervision/supervision-policy.js';
import { DEFAULT_ESCALATION, DEFAULT_HANDLING, DEFAULT_TRACKING } from './policy.schema.js';
import type { Policy } from './policy.schema.js';
import { DEFAULT_ASSESSMENT } from './policy.assessment.js';

const DEFAULT_THRESHOLDS = { l1Above: '100000', l2From: '10000' } as const;

const insuranceRetentionYears = 10;
const securitiesRetentionYears = 20;

function perBusinessLine<T>(valueFor: (sector: 'insurance' | 'securities') => T): Record<string, T> {
  return Object.fromEntries(defaultTaxonomies.businessLines.map((line) => [line.code, valueFor(line.sector)]));
}

const policy: Policy = {
  complaintNumberPrefix: 'TS',
  workingHours: { start: '09:00', end: '17:30' },
  warningFractions: [0.5, 0.8],
  clocks: {
    urgent_initial_response: { amount: 30, unit: 'minutes' },
    acknowledgment: { amount: 1, unit: 'working_days' },
    online_first_reply: { amount: 1, unit: 'working_days' },
    l1_report_supervisor: { amount: 15, unit: 'minutes' },
    l1_to_leadership: { amount: 30, unit: 'minutes' },
    l1_leadership_meeting: { amount: 2, unit: 'hours' },
    l1_result: { amount: 10, unit: 'working_days' },
    l1_report_senior: { amount: 1, unit: 'working_days' },
    l2_to_supervisor: { amount: 2, unit: 'hours' },
    l2_investigation_organised: { amount: 3, unit: 'working_days' },
    l2_agent_reply: { amount: 24, unit: 'hours' },
    l2_result: { amount: 10, unit: 'working_days' },
    l3_answer: { amount: 5, unit: 'working_days' },
    investigation: { amount: 5, unit: 'working_days' },
    investigation_max: { amount: 15, unit: 'working_days' },
    satisfaction_followup: { amount: 3, unit: 'working_days' },
    improvement_action: { amount: 20, unit: 'working_days' },
    formal_review: { amount: 30, unit: 'calendar_days' },
  },
  regulatory: { decisionDays: 15, extendedDays: 30, maxDays: 60 },
  grading: perBusinessLine(() => ({ ...DEFAULT_THRESHOLDS })),
  massIncident: { jointComplainants: 5, sameMatterCount: 20, windowDays: 7, baselineWindows: 8, baselineFactor: 3 },
  majorComplaint: { jointComplainants: 20, regulatorReport: { amount: 24, unit: 'hours' } },
  keywords: {
    level1: [
      // legal dispute
      '起诉',
      '诉讼',
      '律师',
      '仲裁',
      '法院',
      '报警',
      // mass incident
      '集体',
      '群体',
      '维权群',
      // regulator named
      '12378',
      '12386',
      '银保监',
      '金融监管',
      '金融监督管理',
      '证监会',
      '证监局',
      '监管部门',
      '信访',
    ],
    level2: [
      // media attention
      '媒体',
      '曝光',
      '记者',
      '微博',
      '抖音',
      '小红书',
      '黑猫投诉',
      '网上发布',
      // agitated customer
      '投诉到底',
      '非常气愤',
      '忍无可忍',
    ],
  },
  repeatWindowDays: 30,
  compensationBands: [
    { upTo: '10000', approver: 'supervisor' },
    { upTo: '100000', approver: 'department_head' },
    { upTo: null, approver: 'leadership_group' },
  ],
  reopen: { formalReviewFromRound: 3, formalReviewBy: 'department_head' },
  retention: perBusinessLine((sector) => (sector === 'insurance' ? insuranceRetentionYears : securitiesRetentionYears)),
  auditRetentionYears: 3,
  taxonomies: defaultTaxonomies,
  escalation: DEFAULT_ESCALATION,
  tracking: DEFAULT_TRACKING,
  handling: DEFAULT_HANDLING,
  assessment: DEFAULT_ASSESSMENT,
  supervision: DEFAULT_SUPERVISION,
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const defaultPolicy: Policy = deepFreeze(policy);
