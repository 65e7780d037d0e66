import { describe, expect, it } from 'vitest';
import { actionLayout, groupOf } from './next-steps';

// what a supervisor is offered on a complaint being resolved (21 actions with unmask)
const SUPERVISOR_RESOLVING = [
  'unmask',
  'grade',
  'assign',
  'escalate',
  'add_evidence',
  'record_analysis',
  'propose_compensation',
  'decide_compensation',
  'record_payment',
  'record_settlement',
  'create_improvement_action',
  'send_feedback',
  'withdraw',
  'transfer',
  'merge',
  'report_progress',
  'extend_regulatory',
  'pause_clocks',
];

describe('the next expected step first, the rest grouped (#9 item 8)', () => {
  it('a complaint being resolved: decide the compensation, analyse, answer the customer', () => {
    const l = actionLayout({ status: 'resolving', levelConfirmed: true }, SUPERVISOR_RESOLVING);
    expect(l.primary).toEqual(['decide_compensation', 'record_analysis', 'send_feedback']);
    expect(l.plain).toEqual(['unmask']);
    expect(l.groups.map((g) => g.group)).toEqual(['handle', 'measures', 'clocks', 'end']);
    expect(l.groups.find((g) => g.group === 'end')?.actions).toEqual(['withdraw', 'transfer', 'merge']);
    expect(l.groups.find((g) => g.group === 'clocks')?.actions).toEqual(['extend_regulatory', 'pause_clocks']);
    // every offered action is somewhere, once
    const all = [...l.primary, ...l.plain, ...l.groups.flatMap((g) => g.actions)];
    expect([...all].sort()).toEqual([...SUPERVISOR_RESOLVING].sort());
  });

  it('a new level-1 complaint: confirm the level, record the leadership meeting, assign', () => {
    const offered = ['grade', 'assign', 'escalate', 'record_meeting', 'withdraw', 'transfer', 'merge', 'extend_regulatory', 'pause_clocks'];
    expect(actionLayout({ status: 'registered', levelConfirmed: false }, offered).primary).toEqual(['grade', 'record_meeting', 'assign']);
    // a confirmed level is not asked for again
    expect(actionLayout({ status: 'registered', levelConfirmed: true }, offered).primary).toEqual(['record_meeting', 'assign']);
  });

  it('investigating: a pending extension decision, then the findings', () => {
    const l = actionLayout({ status: 'investigating' }, [
      'add_evidence',
      'request_extension',
      'decide_extension',
      'record_findings',
      'withdraw',
      'pause_clocks',
    ]);
    expect(l.primary).toEqual(['decide_extension', 'record_findings', 'add_evidence']);
  });

  it('an unconfirmed level is confirmed first, in any status', () => {
    expect(actionLayout({ status: 'resolving', levelConfirmed: false }, SUPERVISOR_RESOLVING).primary).toEqual([
      'grade',
      'decide_compensation',
      'record_analysis',
    ]);
  });

  it('answered: the survey, then closing', () => {
    expect(
      actionLayout({ status: 'feedback_sent' }, ['record_survey', 'close', 'reopen', 'withdraw', 'create_improvement_action']).primary,
    ).toEqual(['record_survey', 'close']);
  });

  it('few actions are all buttons, nothing hidden', () => {
    const l = actionLayout({ status: 'assigned' }, ['start_investigation', 'withdraw', 'unmask']);
    expect(l).toEqual({ primary: ['start_investigation'], plain: ['withdraw', 'unmask'], groups: [] });
  });

  it('while a first-contact clock runs (the server offers record_contact), recording the contact comes first (#9 item 7, R-B2, R-B3)', () => {
    const offered = [
      'grade',
      'assign',
      'escalate',
      'record_contact',
      'record_meeting',
      'withdraw',
      'transfer',
      'merge',
      'extend_regulatory',
      'pause_clocks',
    ];
    expect(actionLayout({ status: 'registered', levelConfirmed: true }, offered).primary).toEqual([
      'record_contact',
      'record_meeting',
      'assign',
    ]);
    expect(actionLayout({ status: 'registered', levelConfirmed: false }, offered).primary).toEqual([
      'grade',
      'record_contact',
      'record_meeting',
    ]);
    expect(actionLayout({ status: 'resolving', levelConfirmed: true }, [...SUPERVISOR_RESOLVING, 'record_contact']).primary).toEqual([
      'record_contact',
      'decide_compensation',
      'record_analysis',
    ]);
    expect(groupOf('record_contact')).toBe('handle');
  });

  it('an action it does not know yet is handling', () => {
    expect(groupOf('something_new')).toBe('handle');
    expect(groupOf('merge')).toBe('end');
  });
});
