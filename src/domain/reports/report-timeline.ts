/**
 * A special report's timeline (#13 item 5, R-F5): a complaint's events in words. Workflow steps are
 * named as the workflow names them; the other events here. Reads of personal data are left out
 * (the report is not the audit log). Pure.
 */
import { TRANSITIONS } from '../workflow/transitions.js';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '../workflow/workflow.types.js';

const isWorkflowAction = (type: string): type is WorkflowAction => (WORKFLOW_ACTIONS as readonly string[]).includes(type);

const OTHER_EVENTS: Record<string, string> = {
  received: '投诉受理登记',
  grading_proposed: '系统建议分级',
  grading_confirmed: '确认投诉等级',
  regraded: '调整投诉等级',
  clocks_planned: '计划办理时限',
  clocks_replanned: '重新计划办理时限',
  clock_replanned: '按新日历重新计算时限',
  duplicate_suspected: '疑似重复投诉',
  merged_from: '合并其他投诉',
  clock_warning: '时限预警',
  clock_breached: '时限超时',
  clock_escalated: '超时升级',
  exception_resolved: '异常已处理',
  message_sent: '已通知投诉人',
  message_failed: '通知投诉人失败',
  attachments_received: '收到材料',
  correspondence_received: '收到客户来信',
  correspondence_sent: '答复客户',
  improvement_action_done: '整改措施完成',
  improvement_action_verified: '整改措施验证有效',
  improvement_action_reopened: '整改措施重新整改',
  improvement_action_updated: '整改措施变更',
  complaint_imported: '历史数据导入',
};

/** Events not shown in a report's timeline. */
const HIDDEN = new Set(['personal_data_viewed']);

export function timelineText(type: string): string | null {
  if (HIDDEN.has(type)) return null;
  if (isWorkflowAction(type)) return TRANSITIONS[type].zh;
  return OTHER_EVENTS[type] ?? type;
}

export const RISK_FLAG_ZH: Record<string, string | undefined> = {
  reputational: '声誉风险',
  legal: '法律风险',
  mass_incident: '群体性事件',
  media: '媒体关注',
  agitated_customer: '客户情绪激动',
};
