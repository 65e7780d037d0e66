import { describe, expect, it } from 'vitest';
import { proposeLevel } from '../grading/grading.js';
import { defaultPolicy } from '../policy/policy.defaults.js';
import { policySchema } from '../policy/policy.schema.js';
import { DomainError } from '../errors.js';
import { buildCalendar } from '../calendar/calendar.js';
import {
  checkMark,
  checkPlanChange,
  checkUnmark,
  isLate,
  majorRulesOf,
  milestoneClock,
  nextMilestone,
  regulatorReportClock,
} from './major.js';

const base = {
  businessLine: defaultPolicy.taxonomies.businessLines[0]?.code ?? 'life',
  amount: null,
  riskFlags: [],
  urgent: false,
  text: '',
  jointComplainants: 1,
  sameMatterRecentCount: 1,
  repeatComplaint: false,
  regulatorReferral: false,
};

describe('major complaints (#14 item 4, policy defaults)', () => {
  it('R-C1: 20+ joint complainants, a disaster cause or the regulator naming it mark a complaint major, with the rules that fired', () => {
    expect(majorRulesOf(proposeLevel({ ...base, jointComplainants: 19 }, defaultPolicy))).toEqual([]);
    const g = proposeLevel({ ...base, jointComplainants: 20, disasterRelated: true, regulatorDesignatedMajor: true }, defaultPolicy);
    expect(g.major).toBe(true);
    expect(g.level).toBe(1);
    expect(majorRulesOf(g).sort()).toEqual(['major_disaster', 'major_joint_complainants', 'major_regulator_designated']);
  });

  it('a leader marks only an open complaint not yet major, and unmarks only a major one', () => {
    expect(() => checkMark({ status: 'assigned', major: false })).not.toThrow();
    expect(() => checkMark({ status: 'assigned', major: true })).toThrow(DomainError);
    expect(() => checkMark({ status: 'closed', major: false })).toThrow(DomainError);
    expect(() => checkUnmark({ status: 'assigned', major: false })).toThrow(DomainError);
    expect(() => checkUnmark({ status: 'assigned', major: true })).not.toThrow();
    expect(() => checkPlanChange({ status: 'registered', major: false }, 'major_plan')).toThrow(DomainError);
  });

  it('the report to the regulator is due 24 hours after the marking by default; older policies parse with it', () => {
    const { majorComplaint, ...rest } = defaultPolicy;
    const old = policySchema.parse({ ...rest, majorComplaint: { jointComplainants: majorComplaint.jointComplainants } });
    expect(old.majorComplaint.regulatorReport).toEqual({ amount: 24, unit: 'hours' });
    const at = new Date('2026-11-28T12:00:00Z'); // a Saturday: elapsed hours count around the clock
    const clock = regulatorReportClock(at, { policy: old, calendar: buildCalendar([], [2026]), timeZone: 'Asia/Shanghai' });
    expect(clock.kind).toBe('major_regulator_report');
    expect(clock.dueAt?.toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(clock.warnAt).toHaveLength(defaultPolicy.warningFractions.length);
  });

  it('a milestone clock runs to the due time the plan sets; the next milestone is the open one due first', () => {
    const start = new Date('2026-11-25T00:00:00Z');
    const due = new Date('2026-11-25T10:00:00Z');
    const c = milestoneClock(start, due, [0.5, 0.8]);
    expect(c).toMatchObject({ kind: 'major_milestone', amount: 600, unit: 'minutes', dueAt: due });
    expect(c.warnAt.map((d) => d.toISOString())).toEqual(['2026-11-25T05:00:00.000Z', '2026-11-25T08:00:00.000Z']);
    const items = [
      { id: 'a', kind: 'action' as const, status: 'open' as const, dueAt: null },
      { id: 'm1', kind: 'milestone' as const, status: 'done' as const, dueAt: new Date('2026-11-25T01:00:00Z') },
      { id: 'm2', kind: 'milestone' as const, status: 'open' as const, dueAt: new Date('2026-11-26T01:00:00Z') },
      { id: 'm3', kind: 'milestone' as const, status: 'open' as const, dueAt: new Date('2026-11-25T03:00:00Z') },
    ];
    expect(nextMilestone(items)?.id).toBe('m3');
    expect(nextMilestone([])).toBeNull();
    expect(isLate(new Date('2026-11-25T04:00:00Z'), items[3]?.dueAt ?? null)).toBe(true);
    expect(isLate(new Date('2026-11-25T04:00:00Z'), null)).toBe(false);
  });
});
