/**
 * From a raw e-mail to what a complaint or a correspondence item is made of (#12 item 2, R-B4):
 * mailparser's reading (the text part, or the HTML turned into text), the sender, and the
 * attachments staged as evidence files with their type checked by content. An attachment of a type
 * not accepted, too large, or whose bytes do not fit its type is skipped and named in the text: one
 * bad file never loses the message.
 */
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { isEmailAddress, storable } from '../../../domain/messages/mail-headers.js';
import { senderName, withoutQuotedHistory } from '../../../domain/messages/inbound-mail.js';
import { stageBuffer } from '../../complaints/channel-intake.service.js';
import type { StagedEvidenceFile } from '../../workflow/handlers/evidence.handlers.js';
import { canonicalType, checkEvidenceContent, SIGNATURE_BYTES } from '../../workflow/handlers/evidence-file.js';
import { isDomainError } from '../../../domain/errors.js';
import type { MailIntakeSettings } from './mail-intake-settings.js';

/** HTML longer than this is not turned into text (a hostile message must not hold the importer). */
const MAX_HTML_TO_TEXT = 5_000_000;
/** What the description and the name may hold (the intake's own limits). */
const DESCRIPTION_MAX = 10_000;
const NAME_MAX = 100;
/** Inline images smaller than this are signature logos and icons, not evidence. */
const INLINE_ICON_BYTES = 8 * 1024;

export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw, {
    maxHtmlLengthToParse: MAX_HTML_TO_TEXT,
    skipTextToHtml: true,
    skipTextLinks: true,
    keepCidLinks: true,
  });
}

export interface MailSender {
  address: string;
  name: string;
}

/** The From address and a name for the complainant; null when the message names no valid address. */
export function senderOf(mail: ParsedMail): MailSender | null {
  const first = mail.from?.value.find((a) => typeof a.address === 'string' && a.address !== '');
  const address = first?.address?.trim().toLowerCase() ?? '';
  if (!isEmailAddress(address)) return null;
  return { address, name: storable(senderName(first?.name, address), NAME_MAX) };
}

export interface SkippedAttachment {
  name: string;
  why: 'type' | 'size' | 'content' | 'count' | 'empty';
  detail: string;
}

export interface StagedAttachments {
  files: StagedEvidenceFile[];
  skipped: SkippedAttachment[];
  cleanup(): Promise<void>;
}

function attachmentName(a: Attachment, index: number): string {
  return (a.filename ?? '').trim() || `attachment-${index + 1}`;
}

/** Why an attachment is not kept, or null when it is. */
function refusal(a: Attachment, name: string, type: string, s: MailIntakeSettings): SkippedAttachment | null {
  if (!s.evidence.contentTypes.includes(type)) return { name, why: 'type', detail: type };
  try {
    checkEvidenceContent(type, a.content.length, a.content.subarray(0, SIGNATURE_BYTES), s.evidence);
    return null;
  } catch (err) {
    if (!isDomainError(err)) throw err;
    if (err.code === 'file_too_large') return { name, why: 'size', detail: `${Math.floor(s.evidence.maxBytes / 1024 / 1024)} MB` };
    if (err.code === 'file_empty') return { name, why: 'empty', detail: '' };
    return { name, why: 'content', detail: type };
  }
}

/** Stages the attachments that pass the evidence rules; the others are listed with the reason. */
export async function stageAttachments(mail: ParsedMail, s: MailIntakeSettings): Promise<StagedAttachments> {
  const files: StagedEvidenceFile[] = [];
  const skipped: SkippedAttachment[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    await Promise.all(cleanups.map((c) => c()));
  };
  try {
    for (const [index, a] of mail.attachments.entries()) {
      // signature logos and icons pasted into the HTML: not evidence, not worth a line either
      if (a.related && a.contentType.startsWith('image/') && a.size < INLINE_ICON_BYTES) continue;
      const name = attachmentName(a, index);
      const type = canonicalType(a.contentType, name);
      const refused =
        files.length >= s.maxAttachments ? { name, why: 'count' as const, detail: String(s.maxAttachments) } : refusal(a, name, type, s);
      if (refused) {
        skipped.push(refused);
        continue;
      }
      const staged = await stageBuffer(a.content, name, type);
      cleanups.push(staged.cleanup);
      files.push(staged.file);
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { files, skipped, cleanup };
}

const WHY: Record<SkippedAttachment['why'], (detail: string) => string> = {
  type: (d) => `类型不允许：${d}`,
  size: (d) => `超过 ${d}`,
  content: (d) => `内容与类型不符：${d}`,
  count: (d) => `超过 ${d} 个附件`,
  empty: () => '空文件',
};

/** The line that names the attachments not kept, in the complaint's language (Chinese). */
export function skippedNote(skipped: readonly SkippedAttachment[]): string {
  if (skipped.length === 0) return '';
  return `（以下邮件附件未导入：${skipped.map((x) => `${x.name}（${WHY[x.why](x.detail)}）`).join('；')}。原始邮件保存在来信记录中。）`;
}

function clip(text: string, max: number, note: string): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - [...note].length).join('')}${note}`;
}

/** The message's own words: its text (mailparser turned HTML into text when there is no text part) without the quoted history. */
export function bodyText(mail: ParsedMail): string {
  const text = typeof mail.text === 'string' ? mail.text : '';
  return storable(withoutQuotedHistory(text, mail.subject ?? null), DESCRIPTION_MAX * 2);
}

/** A new complaint's description: the subject, the text, the attachments not kept; within the intake's limit. */
export function complaintDescription(mail: ParsedMail, skipped: readonly SkippedAttachment[]): string {
  const subject = storable((mail.subject ?? '').trim(), 500);
  const body = bodyText(mail) || '（邮件正文为空）';
  const note = skippedNote(skipped);
  const head = subject === '' ? '' : `邮件主题：${subject}\n\n`;
  const tail = note === '' ? '' : `\n\n${note}`;
  const room = DESCRIPTION_MAX - [...head].length - [...tail].length;
  return `${head}${clip(body, Math.max(room, 100), '……（正文过长已截断，完整内容见原始邮件）')}${tail}`;
}

/** A reply's text for the correspondence thread: the new part and the attachments not kept. */
export function replyText(mail: ParsedMail, skipped: readonly SkippedAttachment[]): string {
  const note = skippedNote(skipped);
  const body = bodyText(mail) || '（邮件正文为空）';
  return note === '' ? body : `${body}\n\n${note}`;
}
