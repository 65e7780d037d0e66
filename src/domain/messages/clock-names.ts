/** How notifications name a clock, in both languages (the clock kinds of policy.schema.ts). */
export interface ClockName {
  zh: string;
  en: string;
}

const NAMES: Readonly<Record<string, ClockName>> = {
  urgent_initial_response: { zh: '紧急投诉首次响应', en: 'urgent initial response' },
  acknowledgment: { zh: '书面受理回执', en: 'acknowledgment' },
  online_first_reply: { zh: '线上投诉首次答复', en: 'first online reply' },
  l1_report_supervisor: { zh: '一级投诉报告部门主管', en: 'L1 report to the supervisor' },
  l1_to_leadership: { zh: '一级投诉提交领导小组', en: 'L1 hand-over to the leadership group' },
  l1_leadership_meeting: { zh: '领导小组紧急会议', en: 'L1 leadership meeting' },
  l1_result: { zh: '一级投诉处理结果', en: 'L1 result to the customer' },
  l1_report_senior: { zh: '一级投诉报告公司高层', en: 'L1 report to senior management' },
  l2_to_supervisor: { zh: '二级投诉提交部门主管', en: 'L2 hand-over to the supervisor' },
  l2_investigation_organised: { zh: '二级投诉组织调查', en: 'L2 investigation organised' },
  l2_agent_reply: { zh: '二级投诉客服答复', en: 'L2 agent reply' },
  l2_result: { zh: '二级投诉处理结果', en: 'L2 result to the customer' },
  l3_answer: { zh: '三级投诉明确答复', en: 'L3 answer' },
  investigation: { zh: '调查期限', en: 'investigation' },
  investigation_max: { zh: '调查最长期限', en: 'maximum investigation time' },
  satisfaction_followup: { zh: '满意度回访', en: 'satisfaction follow-up' },
  improvement_action: { zh: '整改措施', en: 'improvement action' },
  formal_review: { zh: '正式复核', en: 'formal review' },
  regulatory: { zh: '监管时限', en: 'regulatory deadline' },
  progress_report: { zh: '进展报告', en: 'progress report' },
  milestone: { zh: '处理计划节点', en: 'plan milestone' },
  major_milestone: { zh: '重大投诉应急预案节点', en: 'emergency plan milestone' },
  major_regulator_report: { zh: '重大投诉向监管报告', en: 'major complaint report to the regulator' },
};

export function clockName(kind: string, label: string | null): ClockName {
  const base = NAMES[kind] ?? { zh: kind, en: kind };
  return label ? { zh: `${base.zh}（${label}）`, en: `${base.en} (${label})` } : base;
}
