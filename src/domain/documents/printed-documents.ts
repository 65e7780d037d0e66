/**
 * Printed documents (#11 item 9): the acceptance receipt (受理回执) and the written reply letter
 * (书面答复函). What they say, decided here without I/O: the date as a Chinese letter writes it,
 * the date the complainant is promised an answer, the regulator's hotline, the portal link, the
 * file name. The PDF layout is src/services/channels/documents/.
 */
import type { Sector } from '../codes.js';
import { localParts } from '../time/zoned.js';

export const DOCUMENT_KINDS = ['acceptance-receipt', 'reply-letter'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The title printed on each document, also its file name. */
export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, { zh: string; en: string }>> = {
  'acceptance-receipt': { zh: '投诉受理回执', en: 'Acceptance receipt' },
  'reply-letter': { zh: '书面答复函', en: 'Reply letter' },
};

/** A date as Chinese letters write it, in the company's time zone: 2026年11月30日. */
export function chineseDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}年${p.month}月${p.day}日`;
}

/**
 * The clocks that end with the answer to the complainant: the level's result or answer, the formal
 * review of a reopened complaint, and the regulatory limit. (First-contact clocks are met by an
 * acknowledgment, not by the answer.)
 */
export const ANSWER_DEADLINE_CLOCKS: readonly string[] = ['l1_result', 'l2_result', 'l3_answer', 'formal_review', 'regulatory'];

export interface DeadlineClock {
  kind: string;
  status: string;
  dueAt: Date | null;
}

/**
 * The date the complainant is told to expect the answer: the earliest due time among the answer
 * clocks still running (paused counts as running); when none runs any more (answered, concluded),
 * the earliest among those that did not get cancelled; null when no such clock has a due time.
 */
export function expectedAnswerBy(clocks: readonly DeadlineClock[]): Date | null {
  const answer = clocks.filter((c) => ANSWER_DEADLINE_CLOCKS.includes(c.kind) && c.status !== 'cancelled' && c.dueAt !== null);
  const running = answer.filter((c) => c.status === 'running' || c.status === 'paused');
  const pool = running.length > 0 ? running : answer;
  let best: Date | null = null;
  for (const c of pool) if (c.dueAt && (best === null || c.dueAt.getTime() < best.getTime())) best = c.dueAt;
  return best;
}

/** The regulator's consumer hotline for a business line's sector: NFRA 12378 (insurance), CSRC 12386 (securities). */
export function regulatorHotline(sector: Sector): { hotline: '12378' | '12386'; regulatorZh: string; regulatorEn: string } {
  return sector === 'securities'
    ? { hotline: '12386', regulatorZh: '中国证监会', regulatorEn: 'CSRC' }
    : { hotline: '12378', regulatorZh: '国家金融监督管理总局', regulatorEn: 'NFRA' };
}

/**
 * The routes left to a complainant who disagrees with the answer (R-D4, #11 item 7): mediation,
 * arbitration, court and the regulator's hotline. Worded for a letter that may precede the formal
 * conclusion (the final notice template says "已办结").
 */
export function externalRoutesText(sector: Sector): string {
  const r = regulatorHotline(sector);
  return `如您对上述处理结果仍有异议，可依法申请调解、仲裁或向人民法院提起诉讼，也可拨打${r.regulatorZh}投诉热线 ${r.hotline} 反映。`;
}

/**
 * Where the complainant follows the complaint: the public portal's tracking form, prefilled with
 * the number (web/src/portal/TrackSection.tsx reads ?number=, #track scrolls to the form).
 */
export function trackingLink(publicUrl: string, number: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal?number=${encodeURIComponent(number)}#track`;
}

/** The file name offered for download: 投诉受理回执-TS202611250001.pdf. */
export function documentFileName(kind: DocumentKind, number: string): string {
  return `${DOCUMENT_TITLES[kind].zh}-${number}.pdf`;
}
