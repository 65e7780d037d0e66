import type { Policy } from '../../domain/policy/policy.schema.js';
import type { complaintSummary } from './complaint-view.js';

type Summary = ReturnType<typeof complaintSummary>;

const STATUS: Record<string, [zh: string, en: string]> = {
  registered: ['受理登记', 'Registered'],
  assigned: ['已分派', 'Assigned'],
  investigating: ['调查中', 'Investigating'],
  resolving: ['处理中', 'Resolving'],
  feedback_sent: ['已反馈', 'Feedback sent'],
  closed: ['已办结', 'Closed'],
  withdrawn: ['已撤诉', 'Withdrawn'],
  transferred: ['已转办', 'Transferred'],
  merged: ['已合并', 'Merged'],
};

const COLUMNS: ReadonlyArray<{ key: string; zh: string; en: string; width: number }> = [
  { key: 'number', zh: '投诉编号', en: 'Number', width: 18 },
  { key: 'receivedAt', zh: '受理时间', en: 'Received', width: 18 },
  { key: 'level', zh: '等级', en: 'Level', width: 8 },
  { key: 'status', zh: '状态', en: 'Status', width: 10 },
  { key: 'channel', zh: '渠道', en: 'Channel', width: 12 },
  { key: 'businessLine', zh: '业务条线', en: 'Business line', width: 12 },
  { key: 'category', zh: '投诉类别', en: 'Category', width: 16 },
  { key: 'branch', zh: '机构', en: 'Branch', width: 16 },
  { key: 'complainant', zh: '投诉人', en: 'Complainant', width: 12 },
  { key: 'amount', zh: '涉及金额（元）', en: 'Amount (CNY)', width: 14 },
  { key: 'urgent', zh: '紧急', en: 'Urgent', width: 8 },
  { key: 'nextDue', zh: '下一期限', en: 'Next deadline', width: 18 },
  { key: 'overdue', zh: '已逾期', en: 'Overdue', width: 8 },
];

/** Headers, cell values and file name of a ledger export in one language (dates in the company's time zone). */
export function ledgerLabels(policy: Policy, english: boolean, timeZone: string) {
  const pick = (pair: { zh: string; en: string }) => (english ? pair.en : pair.zh);
  const taxonomy = (list: ReadonlyArray<{ code: string; zh: string; en: string }>, code: string | null) => {
    const e = code === null ? undefined : list.find((x) => x.code === code);
    return e ? pick(e) : (code ?? '');
  };
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const when = (d: Date | null | undefined) => (d ? format.format(d) : '');
  const yes = english ? 'yes' : '是';
  const t = policy.taxonomies;
  return {
    sheet: english ? 'Complaints' : '投诉台账',
    fileStem: english ? 'complaints' : '投诉台账',
    columns: COLUMNS.map((c) => ({ key: c.key, header: pick(c), width: c.width })),
    stamp: (d: Date) => format.format(d).replace(/[-: ]/g, '').slice(0, 12),
    row: (s: Summary) => ({
      number: s.number,
      receivedAt: when(s.receivedAt),
      level: english ? `Level ${s.level}` : ['', '一级', '二级', '三级'][s.level],
      status: STATUS[s.status]?.[english ? 1 : 0] ?? s.status,
      channel: taxonomy(t.channels, s.channel),
      businessLine: taxonomy(t.businessLines, s.businessLine),
      category: taxonomy(t.categories, s.category),
      branch: s.branch ?? '',
      complainant: s.complainantName,
      amount: s.amount === null ? null : Number(s.amount),
      urgent: s.urgent ? yes : '',
      nextDue: when(s.nextDue?.dueAt),
      overdue: s.overdue ? yes : '',
    }),
  };
}
