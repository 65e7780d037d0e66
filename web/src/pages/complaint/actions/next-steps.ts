/**
 * Which of the offered actions are the next expected step(s), shown first as primary buttons, and
 * how the rest are grouped ("more actions": handling, measures, deadlines, ending). Supervisors and
 * leaders are offered 13 to 21 actions at once; a row of that many buttons hides the one that moves
 * the complaint on. Pure: the status and the offered actions in, the layout out.
 */

export type ActionGroup = 'handle' | 'measures' | 'clocks' | 'end';

export const ACTION_GROUPS: Readonly<Record<ActionGroup, readonly string[]>> = {
  handle: [
    'grade',
    'assign',
    'record_meeting',
    'start_investigation',
    'add_evidence',
    'record_findings',
    'record_analysis',
    'record_contact',
    'send_feedback',
    'record_survey',
    'report_progress',
    'complete_milestone',
    'report_to_senior',
    'escalate',
    'reopen',
  ],
  measures: ['propose_compensation', 'decide_compensation', 'record_payment', 'record_settlement', 'create_improvement_action'],
  clocks: ['request_extension', 'decide_extension', 'extend_regulatory', 'pause_clocks', 'resume_clocks'],
  end: ['conclude_review', 'close', 'withdraw', 'transfer', 'merge'],
};

const GROUP_ORDER: readonly ActionGroup[] = ['handle', 'measures', 'clocks', 'end'];

/**
 * What a complaint in this status waits for, most expected first (docs/workflow.md). The first
 * contact comes first: its clock is the shortest (30 minutes urgent, else 1 working day), and the
 * server offers it only while that clock runs (R-B2, R-B3).
 */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  // the formal review's conclusion (#14 item 3) is offered only to the reviewer: first when offered
  registered: ['conclude_review', 'record_contact', 'record_meeting', 'assign', 'start_investigation'],
  assigned: ['conclude_review', 'record_contact', 'record_meeting', 'start_investigation', 'send_feedback'],
  investigating: ['conclude_review', 'record_contact', 'decide_extension', 'record_findings', 'add_evidence'],
  resolving: ['conclude_review', 'record_contact', 'decide_compensation', 'record_analysis', 'send_feedback'],
  feedback_sent: ['conclude_review', 'decide_compensation', 'record_payment', 'record_survey', 'close'],
  closed: ['report_to_senior', 'record_payment', 'reopen'],
};

/** At most this many primary buttons. */
export const MAX_PRIMARY = 3;
/** This many actions or fewer are all shown as buttons: nothing to group. */
export const SHOW_ALL_UP_TO = 4;

export interface ActionLayout {
  /** the next expected steps, in order: primary buttons */
  primary: string[];
  /** shown as plain buttons beside them (few actions, or viewing such as unmask) */
  plain: string[];
  /** the rest, by group, each in the order of its group */
  groups: Array<{ group: ActionGroup; actions: string[] }>;
}

export function groupOf(action: string): ActionGroup {
  return GROUP_ORDER.find((g) => ACTION_GROUPS[g].includes(action)) ?? 'handle';
}

/**
 * The layout of the offered actions: the expected ones of the status first (primary), grading
 * first while the level is unconfirmed; `unmask` (viewing, not a step) stays a plain button.
 */
export function actionLayout(state: { status: string; levelConfirmed?: boolean }, offered: readonly string[]): ActionLayout {
  const steps = offered.filter((a) => a !== 'unmask');
  const viewing = offered.filter((a) => a === 'unmask');
  // a level nobody confirmed yet is confirmed first, whatever the status (a complaint closes at a confirmed level)
  const expected = [...(state.levelConfirmed === false ? ['grade'] : []), ...(EXPECTED[state.status] ?? []).filter((a) => a !== 'grade')];
  const primary = expected.filter((a) => steps.includes(a)).slice(0, MAX_PRIMARY);
  const rest = steps.filter((a) => !primary.includes(a));
  if (steps.length <= SHOW_ALL_UP_TO) return { primary, plain: [...rest, ...viewing], groups: [] };
  const groups = GROUP_ORDER.map((group) => ({ group, actions: rest.filter((a) => groupOf(a) === group) })).filter(
    (g) => g.actions.length > 0,
  );
  return { primary, plain: viewing, groups };
}
