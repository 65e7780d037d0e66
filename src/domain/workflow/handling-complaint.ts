/**
 * Complaints about complaint handling (R-E5, policy §5.2, #14 item 2): who may not handle one, and
 * when an e-mail is one. Pure.
 */

/** The people of the original complaint who may not handle a complaint about its handling: its handlers and trackers, now and before. */
export function originalHandlers(original: { assignee: string | null; tracker: string | null }, past: readonly string[]): string[] {
  return [...new Set([original.assignee, original.tracker, ...past].filter((u): u is string => u !== null && u !== ''))];
}

/** The first of the candidates (an assignee, a tracker) who handled the original, if any. */
export function handledOriginal(candidates: ReadonlyArray<string | null | undefined>, handlers: readonly string[]): string | null {
  return candidates.find((c): c is string => typeof c === 'string' && handlers.includes(c)) ?? null;
}

/**
 * Words that say a message is about how a complaint was handled (not a reply to it): an e-mail
 * naming one of the sender's complaints with one of these in its subject or first lines becomes a
 * new complaint about that complaint's handling instead of a message on its thread.
 */
const HANDLING_WORDS = [
  '投诉处理',
  '处理投诉',
  '处理过程',
  '处理人员',
  '处理态度',
  '处理不当',
  '处理不公',
  '对处理不满',
  '处理结果不满',
  'complaint handling',
  'handling of my complaint',
  'handling of complaint',
  'how my complaint was handled',
  'about the handling',
];

export function isAboutHandling(subject: string | null, body: string | null): boolean {
  const text = `${subject ?? ''}\n${(body ?? '').slice(0, 2000)}`.toLowerCase();
  return HANDLING_WORDS.some((w) => text.includes(w));
}
