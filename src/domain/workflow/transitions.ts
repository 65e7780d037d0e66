/**
 * The transition table: for every action, the statuses it may start from, the levels it applies
 * to, the permission it needs, the status it leads to, and the clocks it stops, starts or cancels.
 * `decide` applies it; nothing else changes a complaint's status.
 */
import type { Action } from '../access/permissions.js';
import type { ClockKind } from '../policy/policy.schema.js';
import type { Level } from '../grading/grading.js';
import { OPEN_STATUSES, type Recipient, type Status, type WorkflowAction } from './workflow.types.js';

export interface TransitionRule {
  from: readonly Status[];
  /** undefined: the status does not change */
  to?: Status;
  levels?: readonly Level[];
  permission: Action;
  /** clocks met by this step */
  stops?: readonly ClockKind[];
  /** clocks started now with the policy's durations */
  starts?: readonly ClockKind[];
  /** every open clock ends (the complaint leaves the workflow) */
  cancelsAll?: boolean;
  notify?: readonly Recipient[];
  zh: string;
  en: string;
}

const ALL_OPEN = OPEN_STATUSES;
/**
 * First-contact clocks (R-B2, R-B3): the acknowledgment of a letter or e-mail, an agent's first
 * reply online, the initial response to an urgent complaint. `record_contact` meets them without
 * answering the complaint; the final answer meets them too, if nobody recorded the contact first.
 */
export const FIRST_CONTACT_CLOCKS: readonly ClockKind[] = ['urgent_initial_response', 'acknowledgment', 'online_first_reply'];

/** Clocks a reply to the customer satisfies: the first contact and the level's answer. */
const ANSWER_CLOCKS: readonly ClockKind[] = [
  ...FIRST_CONTACT_CLOCKS,
  'l1_result',
  'l2_result',
  'l2_agent_reply',
  'l3_answer',
  // not 'formal_review': the review ends with the reviewer's conclusion (conclude_review), not with an answer (#14 item 3)
  'regulatory',
  'progress_report',
];

/**
 * Clocks a pause (mediation, appraisal, documents awaited) stops: every clock that runs until the
 * customer is answered (the regulatory clock, the level's result clock, the level-2 agent reply,
 * the formal review) and the investigation. First-contact clocks (the customer was already
 * contacted) and internal clocks (reports upwards, meetings, progress reports, milestones, the
 * satisfaction follow-up, improvement actions) keep running.
 */
export const PAUSED_CLOCKS: readonly ClockKind[] = [
  'regulatory',
  'l1_result',
  'l2_result',
  'l2_agent_reply',
  'l3_answer',
  'formal_review',
  'investigation',
];

export const TRANSITIONS: Readonly<Record<WorkflowAction, TransitionRule>> = {
  assign: {
    from: ['registered', 'assigned', 'investigating', 'resolving'],
    to: 'assigned',
    permission: 'complaint.assign',
    notify: ['assignee', 'department_handlers', 'tracker'],
    zh: '分派',
    en: 'Assign',
  },
  escalate: { from: ALL_OPEN, permission: 'complaint.escalate', zh: '上报', en: 'Escalate' },
  record_meeting: {
    from: ['registered', 'assigned', 'investigating', 'resolving'],
    to: 'assigned',
    levels: [1],
    permission: 'complaint.plan',
    stops: ['l1_leadership_meeting'],
    notify: ['department_handlers', 'supervisors', 'tracker'],
    zh: '记录领导小组会议与处理方案',
    en: 'Record leadership meeting and plan',
  },
  start_investigation: {
    from: ['registered', 'assigned'],
    to: 'investigating',
    permission: 'complaint.investigate',
    stops: ['l2_investigation_organised'],
    starts: ['investigation'],
    notify: ['department_handlers', 'tracker'],
    zh: '开始调查',
    en: 'Start investigation',
  },
  add_evidence: { from: ['investigating', 'resolving'], permission: 'complaint.investigate', zh: '添加证据', en: 'Add evidence' },
  request_extension: {
    from: ['investigating'],
    permission: 'complaint.investigate',
    notify: ['supervisors'],
    zh: '申请调查延期',
    en: 'Request investigation extension',
  },
  decide_extension: {
    from: ['investigating'],
    permission: 'complaint.approve',
    notify: ['department_handlers', 'tracker'],
    zh: '审批调查延期',
    en: 'Decide investigation extension',
  },
  record_findings: {
    from: ['investigating'],
    to: 'resolving',
    permission: 'complaint.investigate',
    stops: ['investigation', 'investigation_max'],
    notify: ['assignee', 'tracker'],
    zh: '记录调查结论',
    en: 'Record findings',
  },
  record_analysis: { from: ['resolving'], permission: 'complaint.resolve', zh: '原因分析与影响评估', en: 'Record analysis' },
  propose_compensation: {
    from: ['resolving'],
    permission: 'complaint.resolve',
    notify: ['supervisors'],
    zh: '提出赔偿方案',
    en: 'Propose compensation',
  },
  decide_compensation: {
    from: ['resolving', 'feedback_sent'],
    permission: 'complaint.approve',
    notify: ['assignee', 'tracker'],
    zh: '审批赔偿',
    en: 'Decide compensation',
  },
  record_payment: {
    from: ['resolving', 'feedback_sent', 'closed'],
    permission: 'complaint.resolve',
    zh: '登记赔付状态',
    en: 'Record payment',
  },
  record_settlement: { from: ['resolving'], permission: 'complaint.resolve', zh: '记录协商解决', en: 'Record settlement' },
  create_improvement_action: {
    from: ['resolving', 'feedback_sent', 'closed'],
    permission: 'complaint.resolve',
    notify: ['department_handlers'],
    zh: '制定改进措施',
    en: 'Create improvement action',
  },
  send_feedback: {
    // level 3 solved on the spot answers straight from registration (R-C5)
    from: ['registered', 'assigned', 'resolving'],
    to: 'feedback_sent',
    permission: 'complaint.feedback',
    stops: ANSWER_CLOCKS,
    starts: ['satisfaction_followup'],
    notify: ['tracker'],
    zh: '反馈处理结果',
    en: 'Send feedback',
  },
  record_survey: {
    from: ['feedback_sent'],
    permission: 'complaint.feedback',
    stops: ['satisfaction_followup'],
    zh: '满意度回访',
    en: 'Record satisfaction survey',
  },
  reopen: {
    from: ['feedback_sent', 'closed'],
    to: 'assigned',
    permission: 'complaint.reopen',
    notify: ['assignee', 'supervisors', 'tracker'],
    zh: '重新处理',
    en: 'Reopen',
  },
  close: { from: ['feedback_sent'], to: 'closed', permission: 'complaint.close', cancelsAll: true, zh: '办结', en: 'Close' },
  withdraw: {
    from: ALL_OPEN,
    to: 'withdrawn',
    permission: 'complaint.close',
    cancelsAll: true,
    notify: ['tracker'],
    zh: '撤诉',
    en: 'Withdraw',
  },
  transfer: {
    from: ALL_OPEN,
    to: 'transferred',
    permission: 'complaint.close',
    cancelsAll: true,
    notify: ['tracker'],
    zh: '转办',
    en: 'Transfer',
  },
  merge: {
    from: ALL_OPEN,
    to: 'merged',
    permission: 'complaint.close',
    cancelsAll: true,
    notify: ['tracker'],
    zh: '合并重复投诉',
    en: 'Merge duplicate',
  },
  report_progress: {
    from: ['assigned', 'investigating', 'resolving'],
    permission: 'complaint.progress',
    notify: ['tracker', 'leadership'],
    zh: '进度汇报',
    en: 'Report progress',
  },
  complete_milestone: {
    from: ['assigned', 'investigating', 'resolving'],
    levels: [1],
    permission: 'complaint.progress',
    notify: ['tracker', 'leadership'],
    zh: '完成处理方案节点',
    en: 'Complete a plan milestone',
  },
  report_to_senior: {
    from: ['feedback_sent', 'closed'],
    levels: [1],
    permission: 'complaint.plan',
    stops: ['l1_report_senior'],
    notify: ['senior_management'],
    zh: '上报公司高层',
    en: 'Report to senior management',
  },
  extend_regulatory: {
    from: ALL_OPEN,
    permission: 'complaint.approve',
    notify: ['tracker'],
    zh: '监管时限延长',
    en: 'Extend regulatory deadline',
  },
  pause_clocks: { from: ALL_OPEN, permission: 'complaint.approve', zh: '暂停计时（调解/鉴定）', en: 'Pause clocks (mediation/appraisal)' },
  resume_clocks: { from: ALL_OPEN, permission: 'complaint.approve', zh: '恢复计时', en: 'Resume clocks' },
  // the customer was contacted (acknowledgment, first reply, initial response), not yet answered (#9 item 7)
  record_contact: {
    from: ['registered', 'assigned', 'investigating', 'resolving'],
    permission: 'complaint.feedback',
    stops: FIRST_CONTACT_CLOCKS,
    zh: '记录初步联系',
    en: 'Record first contact',
  },
  // from the formal-review round the reviewer, not the handler, ends the complaint (#14 item 3, R-D5)
  conclude_review: {
    from: ALL_OPEN,
    to: 'closed',
    permission: 'complaint.review',
    stops: ['formal_review'],
    cancelsAll: true,
    notify: ['assignee', 'tracker', 'supervisors'],
    zh: '作出正式复核结论',
    en: 'Record the formal review conclusion',
  },
};
