import type { PublicStage } from '../../domain/complaint/public-track.js';
import type { Status } from '../../domain/workflow/workflow.types.js';
import type { Locale } from './locale.js';

/** Statuses in the customer's words (the portal and any API client of /api/public/track). */
const STATUS: Record<Status, { zh: string; en: string }> = {
  registered: { zh: '已受理', en: 'Received' },
  assigned: { zh: '处理中', en: 'Being handled' },
  investigating: { zh: '调查核实中', en: 'Under investigation' },
  resolving: { zh: '处理中', en: 'Being resolved' },
  feedback_sent: { zh: '已答复，待回访', en: 'Answered, follow-up pending' },
  closed: { zh: '已办结', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  transferred: { zh: '已转办', en: 'Transferred' },
  merged: { zh: '已合并处理', en: 'Merged with a related complaint' },
};

const STAGE: Record<PublicStage, { zh: string; en: string }> = {
  received: { zh: '受理登记', en: 'Received and registered' },
  reopened: { zh: '重新处理', en: 'Reopened' },
  in_progress: { zh: '专人处理', en: 'Being handled' },
  investigating: { zh: '调查核实', en: 'Investigation' },
  answered: { zh: '答复处理结果', en: 'Answer given' },
  closed: { zh: '办结', en: 'Closed' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  transferred: { zh: '转办', en: 'Transferred' },
  merged: { zh: '合并处理', en: 'Merged' },
};

export function publicStatusLabel(status: Status, locale: Locale): string {
  return locale === 'en-US' ? STATUS[status].en : STATUS[status].zh;
}

export function publicStageLabel(stage: PublicStage, locale: Locale): string {
  return locale === 'en-US' ? STAGE[stage].en : STAGE[stage].zh;
}
