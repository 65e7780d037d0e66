/**
 * What a report's files print besides its figures (#13 items 4 and 5): the company, title, version,
 * the leaders' commentary and recommendations, whether and when it is final; and the Chinese words
 * of complaint statuses and instants. Pure.
 */
import type { Status } from '../codes.js';
import { localParts } from '../time/zoned.js';

export interface ReportTexts {
  companyName: string;
  title: string;
  version: number;
  commentary: string | null;
  recommendations: string | null;
  /** ISO instant; null while a draft */
  finalisedAt: string | null;
  finalisedBy: string | null;
  timeZone: string;
}

export const COMPLAINT_STATUS_ZH: Record<Status, string> & Record<string, string | undefined> = {
  registered: '受理登记',
  assigned: '已分派',
  investigating: '调查中',
  resolving: '处理中',
  feedback_sent: '已反馈',
  closed: '已办结',
  withdrawn: '已撤诉',
  transferred: '已转办',
  merged: '已合并',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026-11-03 08:30' in the company's time zone. */
export function reportDateTime(iso: string | Date, timeZone: string): string {
  const p = localParts(typeof iso === 'string' ? new Date(iso) : iso, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}
