import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import type { Level } from '../grading/grading.js';
import { decide, isAvailable, type PolicyLimits } from './decide.js';
import { TRANSITIONS } from './transitions.js';
import { STATUSES, WORKFLOW_ACTIONS, type Status, type WorkflowAction, type WorkflowState } from './workflow.types.js';

const LIMITS: PolicyLimits = {
  investigationMaxDays: 15,
  regulatoryExtendedDays: 30,
  regulatoryMaxDays: 60,
  formalReviewFromRound: 3,
  formalReviewBy: 'department_head',
};

function state(status: Status, level: Level = 2, extra: Partial<WorkflowState> = {}): WorkflowState {
  return {
    status,
    level,
    round: 1,
    survey: null,
    openClocks: ['regulatory'],
    regulatoryDays: 15,
    investigationDays: 5,
    levelConfirmed: true,
    paused: false,
    unpaidCompensations: 0,
    pendingCompensationsBy: ['proposer'],
    pendingExtensionsBy: ['requester'],
    fourEyes: true,
    review: null,
    ...extra,
  };
}

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'invalid_transition') return String(err.params.reason);
    throw err;
  }
  return undefined;
}

/** Facts that make the special cases pass, so only the table's status and level rules are tested here. */
const PASSING_FACTS = {
  escalateTo: 'supervisor' as const,
  satisfied: true,
  closeReason: 'unreachable',
  extension: { approved: false, days: 1 },
  regulatoryDays: 30,
  actor: 'boss',
  actorRoles: ['leadership_member'],
};

/** The complaint's facts some steps need beyond the status: clocks to resume, a first contact awaited. */
const FACTS_OF: Partial<Record<WorkflowAction, Partial<WorkflowState>>> = {
  resume_clocks: { paused: true },
  record_contact: { openClocks: ['regulatory', 'acknowledgment'] },
  conclude_review: { round: 3, review: { by: 'leadership', reviewer: null } },
};

describe('transition table: every action from every status (issue #4 item 1)', () => {
  const cases = WORKFLOW_ACTIONS.flatMap((a) => STATUSES.map((s): [WorkflowAction, Status] => [a, s]));
  it.each(cases)('%s from %s', (action, status) => {
    const rule = TRANSITIONS[action];
    const level: Level = rule.levels?.[0] ?? 3;
    const allowed = rule.from.includes(status);
    const reason = reasonOf(() =>
      decide(action, state(status, level, { survey: { satisfied: true }, ...FACTS_OF[action] }), PASSING_FACTS, LIMITS),
    );
    if (allowed) expect(reason === undefined || reason === 'only_level_3_on_the_spot').toBe(true);
    else expect(reason).toBe('status');
    expect(isAvailable(action, state(status, level, FACTS_OF[action]), 'boss', ['leadership_member'])).toBe(allowed);
  });

  it('closed, withdrawn, transferred and merged complaints accept no handling step', () => {
    for (const status of ['withdrawn', 'transferred', 'merged'] as const) {
      const open = WORKFLOW_ACTIONS.filter((a) => isAvailable(a, state(status)));
      expect(open, status).toEqual([]);
    }
    expect(WORKFLOW_ACTIONS.filter((a) => isAvailable(a, state('closed', 1)))).toEqual([
      'record_payment',
      'create_improvement_action',
      'reopen',
      'report_to_senior',
    ]);
  });
});

describe('level rules', () => {
  it('the leadership meeting and the report to senior management are level-1 steps', () => {
    expect(reasonOf(() => decide('record_meeting', state('registered', 2), {}, LIMITS))).toBe('level');
    expect(reasonOf(() => decide('report_to_senior', state('feedback_sent', 3), {}, LIMITS))).toBe('level');
    expect(decide('record_meeting', state('registered', 1), {}, LIMITS).stops).toEqual(['l1_leadership_meeting']);
  });

  it('only level 3 is answered straight from registration (solved on the spot)', () => {
    expect(decide('send_feedback', state('registered', 3), {}, LIMITS).status).toBe('feedback_sent');
    expect(reasonOf(() => decide('send_feedback', state('registered', 2), {}, LIMITS))).toBe('only_level_3_on_the_spot');
  });

  it('escalation meets the level clock of the recipient', () => {
    expect(decide('escalate', state('registered', 1), { escalateTo: 'supervisor' }, LIMITS)).toMatchObject({
      stops: ['l1_report_supervisor'],
      notify: ['supervisors'],
    });
    expect(decide('escalate', state('registered', 1), { escalateTo: 'leadership' }, LIMITS)).toMatchObject({
      stops: ['l1_to_leadership', 'l1_report_supervisor'],
      notify: ['leadership'],
    });
    expect(decide('escalate', state('registered', 2), { escalateTo: 'supervisor' }, LIMITS).stops).toEqual(['l2_to_supervisor']);
  });

  it('level 2 findings start the agent-reply clock; level 1 feedback starts the report to senior management', () => {
    expect(decide('record_findings', state('investigating', 2), {}, LIMITS).starts).toContain('l2_agent_reply');
    expect(decide('record_findings', state('investigating', 3), {}, LIMITS).starts).not.toContain('l2_agent_reply');
    expect(decide('send_feedback', state('resolving', 1), {}, LIMITS).starts).toEqual(['satisfaction_followup', 'l1_report_senior']);
  });

  it('levels 1 and 2 restart the progress-report clock while handled; level 3 does not', () => {
    expect(decide('assign', state('registered', 2), {}, LIMITS).starts).toContain('progress_report');
    expect(decide('report_progress', state('investigating', 1), {}, LIMITS).starts).toContain('progress_report');
    expect(decide('assign', state('registered', 3), {}, LIMITS).starts).not.toContain('progress_report');
  });
});

describe('satisfaction, reopen, close (R-D5)', () => {
  it('a dissatisfied survey raises an exception and tells the leaders', () => {
    const d = decide('record_survey', state('feedback_sent'), { satisfied: false }, LIMITS);
    expect(d.exception).toBe('dissatisfied');
    expect(d.notify).toEqual(expect.arrayContaining(['supervisors', 'leadership', 'tracker']));
  });

  it('reopen starts a new round and the level answer clock; from round 3 a formal review', () => {
    expect(decide('reopen', state('feedback_sent', 2), {}, LIMITS)).toMatchObject({ status: 'assigned', round: 2 });
    expect(decide('reopen', state('feedback_sent', 2), {}, LIMITS).starts).toEqual(['progress_report', 'l2_result']);
    const third = decide('reopen', state('closed', 3, { round: 2 }), {}, LIMITS);
    expect(third.round).toBe(3);
    expect(third.starts).toEqual(['l3_answer', 'formal_review']);
  });

  it('close needs a satisfied survey or a reason; a dissatisfied customer reopens until the formal review', () => {
    expect(decide('close', state('feedback_sent', 3, { survey: { satisfied: true } }), {}, LIMITS).status).toBe('closed');
    expect(reasonOf(() => decide('close', state('feedback_sent'), {}, LIMITS))).toBe('survey_missing');
    expect(decide('close', state('feedback_sent'), { closeReason: '客户联系不上' }, LIMITS).cancelsAll).toBe(true);
    expect(reasonOf(() => decide('close', state('feedback_sent', 2, { survey: { satisfied: false } }), { closeReason: 'x' }, LIMITS))).toBe(
      'customer_dissatisfied',
    );
  });
});

describe('formal review from round 3 (#14 item 3, R-D5)', () => {
  const review = { by: 'department_head' as const, reviewer: 'head' };
  const underReview = state('feedback_sent', 2, { round: 3, survey: { satisfied: false }, review });

  it('reopening into round 3 asks for a reviewer (named by the service) and tells the leadership group', () => {
    const third = decide('reopen', state('closed', 2, { round: 2 }), {}, LIMITS);
    expect(third).toMatchObject({ round: 3, formalReview: true });
    expect(third.notify).toEqual(expect.arrayContaining(['leadership']));
    expect(decide('reopen', state('closed', 2), {}, LIMITS).formalReview).toBe(false);
  });

  it('the handler can no longer close it: 409 formal_review_required naming the reviewer', () => {
    expect(isAvailable('close', underReview, 'agent')).toBe(false);
    let err: unknown;
    try {
      decide('close', underReview, { closeReason: '复核结论', actor: 'agent' }, LIMITS);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'formal_review_required', params: { round: 3, reviewer: 'head' } });
    // a customer satisfied in the review round is simply closed
    expect(decide('close', { ...underReview, survey: { satisfied: true } }, {}, LIMITS).status).toBe('closed');
  });

  it('only the named reviewer (or, for the leadership group, a member) concludes it: closed, the review clock met', () => {
    expect(isAvailable('conclude_review', underReview, 'head', ['supervisor'])).toBe(true);
    expect(isAvailable('conclude_review', underReview, 'agent', ['agent'])).toBe(false);
    expect(isAvailable('conclude_review', state('feedback_sent', 2, { round: 2 }), 'head', ['supervisor'])).toBe(false);
    const d = decide('conclude_review', underReview, { actor: 'head', actorRoles: ['supervisor'] }, LIMITS);
    expect(d).toMatchObject({ status: 'closed', cancelsAll: true });
    expect(d.stops).toContain('formal_review');
    expect(() => decide('conclude_review', underReview, { actor: 'other', actorRoles: ['supervisor'] }, LIMITS)).toThrow(DomainError);
    const byLeaders = { ...underReview, review: { by: 'leadership' as const, reviewer: null } };
    expect(isAvailable('conclude_review', byLeaders, 'leader', ['leadership_member'])).toBe(true);
    expect(isAvailable('conclude_review', byLeaders, 'head', ['supervisor'])).toBe(false);
    expect(reasonOf(() => decide('conclude_review', state('feedback_sent'), { actor: 'head' }, LIMITS))).toBe('not_in_formal_review');
  });
});

describe('extensions (R-D1, R-A2)', () => {
  it('an investigation extension stays within the maximum', () => {
    expect(decide('decide_extension', state('investigating'), { extension: { approved: true, days: 10 } }, LIMITS).investigationDays).toBe(
      15,
    );
    expect(reasonOf(() => decide('decide_extension', state('investigating'), { extension: { approved: true, days: 11 } }, LIMITS))).toBe(
      'exceeds_maximum',
    );
    expect(decide('decide_extension', state('investigating'), { extension: { approved: false, days: 50 } }, LIMITS).investigationDays).toBe(
      5,
    );
  });

  it('the regulatory clock extends to 30, then 60 with a senior manager', () => {
    expect(decide('extend_regulatory', state('investigating'), { regulatoryDays: 30 }, LIMITS)).toMatchObject({
      regulatoryDays: 30,
      needsSeniorApproval: false,
    });
    expect(decide('extend_regulatory', state('investigating', 2, { regulatoryDays: 30 }), { regulatoryDays: 60 }, LIMITS)).toMatchObject({
      regulatoryDays: 60,
      needsSeniorApproval: true,
    });
    expect(reasonOf(() => decide('extend_regulatory', state('investigating'), { regulatoryDays: 90 }, LIMITS))).toBe('days_out_of_range');
    expect(
      reasonOf(() => decide('extend_regulatory', state('investigating', 2, { regulatoryDays: 30 }), { regulatoryDays: 30 }, LIMITS)),
    ).toBe('days_out_of_range');
    expect(reasonOf(() => decide('extend_regulatory', state('investigating', 2, { openClocks: [] }), { regulatoryDays: 30 }, LIMITS))).toBe(
      'regulatory_clock_not_running',
    );
  });
});

describe('offered only when it makes sense (issue #9 items 7c, 7f, 11)', () => {
  it('pause and resume are never offered together: resume only while paused, pause only while not', () => {
    for (const paused of [false, true]) {
      const offered = (['pause_clocks', 'resume_clocks'] as const).filter((a) => isAvailable(a, state('investigating', 2, { paused })));
      expect(offered).toEqual([paused ? 'resume_clocks' : 'pause_clocks']);
    }
  });

  it('decide compensation / extension only while one awaits a decision, and not to the one who asked (four eyes)', () => {
    expect(isAvailable('decide_compensation', state('resolving', 2, { pendingCompensationsBy: [] }), 'boss')).toBe(false);
    expect(isAvailable('decide_compensation', state('resolving', 2, { pendingCompensationsBy: ['agent'] }), 'agent')).toBe(false);
    expect(isAvailable('decide_compensation', state('resolving', 2, { pendingCompensationsBy: ['agent'] }), 'boss')).toBe(true);
    expect(isAvailable('decide_compensation', state('resolving', 2, { pendingCompensationsBy: ['agent'], fourEyes: false }), 'agent')).toBe(
      true,
    );
    expect(isAvailable('decide_extension', state('investigating', 2, { pendingExtensionsBy: ['handler'] }), 'handler')).toBe(false);
    expect(isAvailable('decide_extension', state('investigating', 2, { pendingExtensionsBy: [] }), 'boss')).toBe(false);
  });

  it('four eyes: the proposer or requester is refused with reason four_eyes; off by policy it is allowed', () => {
    expect(reasonOf(() => decide('decide_compensation', state('resolving'), { actor: 'agent', proposer: 'agent' }, LIMITS))).toBe(
      'four_eyes',
    );
    expect(
      reasonOf(() =>
        decide('decide_extension', state('investigating'), { actor: 'h', proposer: 'h', extension: { approved: true, days: 1 } }, LIMITS),
      ),
    ).toBe('four_eyes');
    expect(
      reasonOf(() =>
        decide('decide_compensation', state('resolving', 2, { fourEyes: false }), { actor: 'agent', proposer: 'agent' }, LIMITS),
      ),
    ).toBeUndefined();
    expect(reasonOf(() => decide('decide_compensation', state('resolving'), { actor: 'boss', proposer: 'agent' }, LIMITS))).toBeUndefined();
  });

  it('close needs a confirmed level, and approved compensation paid or its waiver stated', () => {
    const satisfied = { survey: { satisfied: true } };
    expect(isAvailable('close', state('feedback_sent', 2, { levelConfirmed: false }))).toBe(false);
    expect(reasonOf(() => decide('close', state('feedback_sent', 2, { ...satisfied, levelConfirmed: false }), {}, LIMITS))).toBe(
      'level_not_confirmed',
    );
    expect(reasonOf(() => decide('close', state('feedback_sent', 2, { ...satisfied, unpaidCompensations: 1 }), {}, LIMITS))).toBe(
      'compensation_unpaid',
    );
    expect(
      reasonOf(() =>
        decide('close', state('feedback_sent', 2, { ...satisfied, unpaidCompensations: 1 }), { unpaidCompensationWaiver: '  ' }, LIMITS),
      ),
    ).toBe('compensation_unpaid');
    expect(
      decide(
        'close',
        state('feedback_sent', 2, { ...satisfied, unpaidCompensations: 1 }),
        { unpaidCompensationWaiver: '客户书面放弃' },
        LIMITS,
      ).status,
    ).toBe('closed');
  });
});

describe('progress: one rule for every handling step (issue #9 item 11, R-E2)', () => {
  const handlingSteps: Array<[WorkflowAction, Status]> = [
    ['assign', 'registered'],
    ['record_meeting', 'assigned'],
    ['start_investigation', 'assigned'],
    ['add_evidence', 'investigating'],
    ['request_extension', 'investigating'],
    ['decide_extension', 'investigating'],
    ['record_findings', 'investigating'],
    ['record_analysis', 'resolving'],
    ['propose_compensation', 'resolving'],
    ['decide_compensation', 'resolving'],
    ['record_payment', 'resolving'],
    ['record_settlement', 'resolving'],
    ['create_improvement_action', 'resolving'],
    ['report_progress', 'resolving'],
    ['complete_milestone', 'resolving'],
    ['reopen', 'feedback_sent'],
  ];
  it.each(handlingSteps)('%s (from %s) restarts the progress-report clock', (action, from) => {
    const d = decide(action, state(from, 1), { extension: { approved: false, days: 1 } }, LIMITS);
    expect(d.progress).toBe(true);
    expect(d.starts).toContain('progress_report');
  });

  it('escalations, clock administration and leaving the handling do not', () => {
    for (const [action, from] of [
      ['escalate', 'investigating'],
      ['pause_clocks', 'investigating'],
      ['extend_regulatory', 'investigating'],
      ['send_feedback', 'resolving'],
      ['record_survey', 'feedback_sent'],
      ['create_improvement_action', 'feedback_sent'],
    ] as const) {
      const d = decide(action, state(from, 2), { escalateTo: 'supervisor', regulatoryDays: 30, satisfied: true }, LIMITS);
      expect(d.starts, action).not.toContain('progress_report');
    }
  });

  it('level 3 moves on (last progress) without a progress-report clock', () => {
    const d = decide('record_findings', state('investigating', 3), {}, LIMITS);
    expect(d.progress).toBe(true);
    expect(d.starts).not.toContain('progress_report');
  });
});

describe('the first contact (#9 item 7, R-B2, R-B3)', () => {
  it.each(['urgent_initial_response', 'acknowledgment', 'online_first_reply'])(
    'is offered while %s runs, and meets the first-contact clocks only',
    (clock) => {
      const s = state('registered', 2, { openClocks: ['regulatory', 'l2_result', clock] });
      expect(isAvailable('record_contact', s)).toBe(true);
      const d = decide('record_contact', s, {}, LIMITS);
      expect(d.stops).toEqual(['urgent_initial_response', 'acknowledgment', 'online_first_reply']);
      expect(d.status).toBe('registered');
    },
  );

  it('is not offered once no first-contact clock runs (hotline complaint, or contact recorded)', () => {
    const s = state('assigned', 2, { openClocks: ['regulatory', 'l2_result'] });
    expect(isAvailable('record_contact', s)).toBe(false);
    expect(reasonOf(() => decide('record_contact', s, {}, LIMITS))).toBe('no_first_contact_clock');
  });

  it('is customer contact, not handling progress: the progress-report clock is not restarted', () => {
    const d = decide('record_contact', state('investigating', 1, { openClocks: ['acknowledgment'] }), {}, LIMITS);
    expect(d.progress).toBe(false);
    expect(d.starts).toEqual([]);
    expect(d.status).toBe('investigating');
  });

  it('is not offered after the answer (feedback sent)', () => {
    expect(isAvailable('record_contact', state('feedback_sent', 2, { openClocks: ['acknowledgment'] }))).toBe(false);
  });
});
