/**
 * A complaint's correspondence thread (#12 item 5): every inbound message (a portal addition, an
 * e-mail reply, a letter recorded with its scans: complaint_records of kind 'correspondence') and
 * every message to the complainant (acknowledgment, result, final notice, staff replies: the
 * `messages` table, with their delivery status), in time order. A reply written here goes through
 * the outbox like every message to the complainant (topic `complaint.reply`, template
 * `complainant.reply`) and is in the thread at once, as queued, before the dispatcher plans it.
 *
 * Reading the thread is a read of the complaint (404 outside the scope, one audit row). Addresses
 * are shown masked, except inbound senders to readers who may see personal data (complaint.unmask);
 * outbound messages keep only a masked label (the message row holds no copy of the address).
 */
import { randomUUID } from 'node:crypto';
import { can, type Principal } from '../../domain/access/permissions.js';
import type { CorrespondenceChannel } from '../../domain/codes.js';
import { DomainError } from '../../domain/errors.js';
import { maskEmail, maskPhone } from '../../domain/personal-data/masking.js';
import { ValidationError } from '../../domain/validation.js';
import type { MessageStatus } from '../../db/schema.js';
import {
  listComplainantMessages,
  listFilesOfRecords,
  listPendingReplies,
  listRecordsOfKinds,
  REPLY_TOPIC,
  type RecordFile,
} from '../../db/repositories/correspondence.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { enqueueOutbox } from '../../db/repositories/outbox.repository.js';
import { updateComplaint } from '../../db/repositories/complaint.repository.js';
import { channelsOf } from '../channels/channel-settings.js';
import { renderOutgoing } from '../channels/message-render.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import type { StagedEvidenceFile } from '../workflow/handlers/evidence.handlers.js';
import { addCorrespondence } from './channel-intake.service.js';
import { assertMayHandle, complaintInScope } from './complaint-access.js';
import { auditComplaintRead } from './complaint-read-audit.service.js';

export interface ThreadFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface ThreadItem {
  id: string;
  direction: 'inbound' | 'outbound';
  channel: CorrespondenceChannel;
  at: Date;
  /** the sender of an inbound message (masked unless the reader may see personal data); null outbound */
  from: string | null;
  /** the masked address an outbound message went to; null inbound */
  to: string | null;
  subject: string | null;
  text: string;
  files: ThreadFile[];
  /** the delivery status of an outbound message; null inbound */
  status: MessageStatus | null;
  /** what an outbound message was for (acknowledgment, feedback, final_notice, reply); null inbound */
  purpose: string | null;
  /** who recorded an inbound item or wrote a reply (a username, or the channel's importer) */
  by: string | null;
}

/** Who may reply to the complainant from the thread: whoever contacts the complainant in the workflow (record_contact, send_feedback). */
export const REPLY_PERMISSION = 'complaint.feedback' as const;

/** The longest reply: an e-mail of a few pages; an SMS stays short (each 70 characters is another message billed). */
export const REPLY_LIMITS = { email: 10_000, sms: 500, subject: 200 } as const;

/** An address as shown: masked e-mail (with its display name kept), masked phone, or the text as it is. */
export function maskSender(raw: string | null): string | null {
  const value = raw?.trim() ?? '';
  if (value === '') return null;
  const angle = /^(.*)<([^<>]+)>\s*$/.exec(value);
  if (angle) {
    const name = (angle[1] ?? '').trim().replace(/^"|"$/g, '');
    const inner = maskSender(angle[2] ?? '') ?? '';
    return name ? `${name} <${inner}>` : inner;
  }
  if (value.includes('@')) return maskEmail(value) ?? '***';
  if (/\d{5,}/.test(value.replace(/[\s\-()+]/g, ''))) return maskPhone(value) ?? '****';
  return value;
}

const asString = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function isCorrespondenceChannel(v: unknown): v is CorrespondenceChannel {
  return v === 'email' || v === 'sms' || v === 'portal' || v === 'letter' || v === 'hotline';
}

function filesOf(all: readonly RecordFile[], recordId: string): ThreadFile[] {
  return all.filter((f) => f.record_id === recordId).map((f) => ({ id: f.id, name: f.name, contentType: f.content_type, size: f.size }));
}

/** A reply as the complainant reads it (the template filled in), before its message row exists. */
async function renderReply(
  ctx: ServiceContext,
  number: string,
  r: { channel: 'email' | 'sms'; subject: string | null; text: string },
): Promise<{ subject: string | null; text: string }> {
  const content = await renderOutgoing(ctx.db, channelsOf(ctx), {
    template: 'complainant.reply',
    params: { number, subject: r.subject ?? '', text: r.text },
    locale: 'zh-CN',
    complaintId: null,
    channel: r.channel,
    recipientKind: 'complainant',
    timeZone: ctx.timeZone,
  });
  return { subject: r.channel === 'email' ? content.subject : null, text: content.text };
}

/** Builds the thread of one complaint (already in the reader's scope), oldest first. */
async function buildThread(ctx: ServiceContext, complaint: { id: string; number: string }, unmasked: boolean): Promise<ThreadItem[]> {
  const complaintId = complaint.id;
  const records = await listRecordsOfKinds(ctx.db, complaintId, ['correspondence']);
  const files = await listFilesOfRecords(
    ctx.db,
    complaintId,
    records.map((r) => r.id),
  );
  const inbound: ThreadItem[] = records.map((r) => {
    const d = r.data;
    const from = asString(d.from);
    return {
      id: r.id,
      direction: 'inbound',
      channel: isCorrespondenceChannel(d.channel) ? d.channel : 'letter',
      at: r.created_at,
      from: unmasked ? from : maskSender(from),
      to: null,
      subject: asString(d.subject),
      text: typeof d.text === 'string' ? d.text : '',
      files: filesOf(files, r.id),
      status: null,
      purpose: null,
      by: r.created_by,
    };
  });

  const settings = channelsOf(ctx);
  const outbound: ThreadItem[] = [];
  for (const m of await listComplainantMessages(ctx.db, complaintId)) {
    if (m.channel === 'webhook') continue;
    // what was sent; a message not sent yet as it would be written now
    const content =
      m.body !== null
        ? { subject: m.subject, text: m.body }
        : await renderOutgoing(ctx.db, settings, {
            template: m.template,
            params: m.params,
            locale: m.locale,
            complaintId: m.complaint_id,
            channel: m.channel,
            recipientKind: 'complainant',
            timeZone: ctx.timeZone,
          });
    outbound.push({
      id: m.id,
      direction: 'outbound',
      channel: m.channel,
      at: m.created_at,
      from: null,
      to: m.recipient_label,
      subject: m.channel === 'email' ? content.subject : null,
      text: content.text,
      files: [],
      status: m.status,
      purpose: m.purpose,
      by: asString(m.params.by),
    });
  }
  for (const r of await listPendingReplies(ctx.db, complaintId)) {
    const p = r.payload;
    const channel = p.method === 'sms' ? 'sms' : 'email';
    const content = await renderReply(ctx, complaint.number, { channel, subject: asString(p.subject), text: asString(p.text) ?? '' });
    outbound.push({
      id: r.idempotency_key,
      direction: 'outbound',
      channel,
      at: r.created_at,
      from: null,
      to: asString(p.to),
      subject: content.subject,
      text: content.text,
      files: [],
      status: 'queued',
      purpose: 'reply',
      by: asString(p.by),
    });
  }
  return [...inbound, ...outbound].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
}

/** GET /api/complaints/{id}/correspondence: the thread, recorded as a read of the complaint. */
export async function readCorrespondence(ctx: ServiceContext, meta: RequestMeta, p: Principal, idOrNumber: string) {
  const c = await complaintInScope(ctx.db, p, idOrNumber);
  const unmasked = can(p, 'complaint.unmask');
  const items = await buildThread(ctx, c, unmasked);
  await auditComplaintRead(ctx, meta, p, { view: 'correspondence', complaint: c, masked: !unmasked });
  return { items };
}

export interface ReplyInput {
  channel: 'email' | 'sms';
  subject?: string | null;
  text: string;
}

/** The reply's text checked for its channel; a field error names the field. */
function checkReply(r: ReplyInput): { subject: string | null; text: string } {
  const text = r.text.trim();
  const subject = r.channel === 'email' ? r.subject?.trim() || null : null;
  const max = REPLY_LIMITS[r.channel];
  if (text === '') throw new ValidationError([{ field: 'text', code: 'required' }]);
  if ([...text].length > max) throw new ValidationError([{ field: 'text', code: 'too_big', params: { origin: 'string', maximum: max } }]);
  if (subject && [...subject].length > REPLY_LIMITS.subject)
    throw new ValidationError([{ field: 'subject', code: 'too_big', params: { origin: 'string', maximum: REPLY_LIMITS.subject } }]);
  return { subject, text };
}

/**
 * POST …/correspondence/reply: a message to the complainant by the chosen channel, through the
 * outbox, with `correspondence_sent` on the complaint's history, in one transaction. Any status:
 * a customer may write after the complaint is closed. 400 on `channel` when the complainant has no
 * address for it.
 */
export async function sendReply(
  ctx: ServiceContext,
  _meta: RequestMeta,
  p: Principal,
  idOrNumber: string,
  r: ReplyInput,
): Promise<ThreadItem> {
  if (!can(p, REPLY_PERMISSION)) throw new DomainError('forbidden', { action: REPLY_PERMISSION });
  const { subject, text } = checkReply(r);
  const now = ctx.now();
  const sent = await ctx.db.transaction().execute(async (trx) => {
    const c = await complaintInScope(trx, p, idOrNumber, true);
    await assertMayHandle(trx, p, REPLY_PERMISSION, c);
    const address = r.channel === 'email' ? c.complainant_email?.trim() : c.complainant_phone?.trim();
    if (!address) throw new ValidationError([{ field: 'channel', code: 'no_contact_for_method', params: { method: r.channel } }]);
    const to = (r.channel === 'email' ? maskEmail(address) : maskPhone(address)) ?? '***';
    const outboxKey = `${REPLY_TOPIC}:${c.id}:${randomUUID()}`;
    await appendEvents(trx, c.id, [
      {
        type: 'correspondence_sent',
        actor: p.username,
        occurredAt: now,
        payload: { channel: r.channel, subject, text, to, outboxKey },
      },
    ]);
    await enqueueOutbox(
      trx,
      [
        {
          topic: REPLY_TOPIC,
          payload: { complaintId: c.id, method: r.channel, subject, text, to, by: p.username },
          idempotencyKey: outboxKey,
        },
      ],
      now,
    );
    await updateComplaint(trx, c.id, { updated_at: now });
    return { number: c.number, outboxKey, to };
  });
  const content = await renderReply(ctx, sent.number, { channel: r.channel, subject, text });
  return {
    id: sent.outboxKey,
    direction: 'outbound',
    channel: r.channel,
    at: now,
    from: null,
    to: sent.to,
    subject: content.subject,
    text: content.text,
    files: [],
    status: 'queued',
    purpose: 'reply',
    by: p.username,
  };
}

/** Who records a letter received with its scans: the mail room and the counter, who register complaints. */
export const LETTER_PERMISSION = 'complaint.create' as const;

/** The longest letter text typed in (a summary or the transcription of the letter). */
export const LETTER_TEXT_MAX = 20_000;

/** Refuses before the upload what would be refused after it (403, 404); returns the complaint's id. */
export async function checkLetterAllowed(ctx: ServiceContext, p: Principal, idOrNumber: string): Promise<string> {
  if (!can(p, LETTER_PERMISSION)) throw new DomainError('forbidden', { action: LETTER_PERMISSION });
  const c = await complaintInScope(ctx.db, p, idOrNumber);
  await assertMayHandle(ctx.db, p, LETTER_PERMISSION, c);
  return c.id;
}

/** The letter form's text fields, checked like a JSON body: each problem names its field. */
export function letterFields(fields: Record<string, string>): { text: string; subject: string | null } {
  const text = fields.text?.trim() ?? '';
  const subject = fields.subject?.trim() || null;
  if (text === '') throw new ValidationError([{ field: 'text', code: 'required' }]);
  if ([...text].length > LETTER_TEXT_MAX)
    throw new ValidationError([{ field: 'text', code: 'too_big', params: { origin: 'string', maximum: LETTER_TEXT_MAX } }]);
  if (subject && [...subject].length > REPLY_LIMITS.subject)
    throw new ValidationError([{ field: 'subject', code: 'too_big', params: { origin: 'string', maximum: REPLY_LIMITS.subject } }]);
  return { text, subject };
}

/**
 * POST …/correspondence/letter: a letter received on the complaint, recorded with its scans (at least one) as an
 * inbound item of the thread (addCorrespondence: record, files, `correspondence_received`, a notice
 * to the handler), in any status. Answers the thread item as the recorder sees it.
 */
export async function recordLetter(
  ctx: ServiceContext,
  _meta: RequestMeta,
  p: Principal,
  complaintId: string,
  letter: { text: string; subject: string | null; files: readonly StagedEvidenceFile[] },
): Promise<ThreadItem> {
  if (!can(p, LETTER_PERMISSION)) throw new DomainError('forbidden', { action: LETTER_PERMISSION });
  // a letter received is on paper: its scan is the record of what it said
  if (letter.files.length === 0) throw new ValidationError([{ field: 'files', code: 'required' }]);
  // the scope once more (the check before the upload ran outside any transaction)
  const c = await complaintInScope(ctx.db, p, complaintId);
  const { recordId } = await addCorrespondence(ctx, c.id, {
    channel: 'letter',
    subject: letter.subject,
    text: letter.text,
    from: null,
    messageId: null,
    files: letter.files,
    by: p.username,
  });
  const files = await listFilesOfRecords(ctx.db, c.id, [recordId]);
  return {
    id: recordId,
    direction: 'inbound',
    channel: 'letter',
    at: files[0]?.created_at ?? ctx.now(),
    from: null,
    to: null,
    subject: letter.subject,
    text: letter.text,
    files: filesOf(files, recordId),
    status: null,
    purpose: null,
    by: p.username,
  };
}
