/**
 * The inbound list (#12 item 2): every e-mail that arrived, newest first, with what became of it
 * (a complaint, a reply on one, ignored and why, quarantined and why), its sender masked. An
 * administrator downloads a message's raw bytes (audited: it holds personal data) and imports a
 * quarantined one again once the cause is fixed (a mailbox default, a policy code).
 */
import { DomainError } from '../../../domain/errors.js';
import { INBOUND_REASON_LABELS, isInboundReason } from '../../../domain/messages/inbound-mail.js';
import { maskEmail } from '../../../domain/personal-data/masking.js';
import type { InboundMailOutcome } from '../../../db/schema.js';
import {
  countInboundByOutcome,
  findInboundListRow,
  inboundRaw,
  listInboundMail,
  resetInboundMail,
  type InboundListRow,
} from '../../../db/repositories/inbound-mail.repository.js';
import { audit } from '../../administration/audit.service.js';
import type { Actor, RequestMeta, ServiceContext } from '../../context.js';
import { decodeKeyset, encodeKeyset } from '../../workflow/sweep/keyset-cursor.js';
import { ingestInboundMail } from './ingest.service.js';
import type { MailIntakeSettings } from './mail-intake-settings.js';

export const INBOUND_OUTCOMES = [
  'pending',
  'created',
  'threaded',
  'ignored',
  'quarantined',
] as const satisfies readonly InboundMailOutcome[];

function reasonLabel(r: InboundListRow, english: boolean): string | null {
  if (r.reason === null) return null;
  const label = isInboundReason(r.reason) ? INBOUND_REASON_LABELS[r.reason][english ? 'en' : 'zh'] : r.reason;
  if (r.outcome !== 'quarantined' || r.detail === null || r.detail === '') return label;
  return english ? `${label}: ${r.detail}` : `${label}：${r.detail}`;
}

export function presentInbound(r: InboundListRow, english: boolean) {
  return {
    id: r.id,
    mailboxId: r.mailbox_id,
    mailboxName: r.mailbox_name,
    messageId: r.message_id,
    from: r.sender === null ? null : (maskEmail(r.sender) ?? '***'),
    subject: r.subject,
    receivedAt: r.received_at,
    outcome: r.outcome,
    reason: r.reason,
    reasonLabel: reasonLabel(r, english),
    complaintId: r.complaint_id,
    complaintNumber: r.complaint_number,
    size: r.size,
  };
}

export type InboundAnswer = ReturnType<typeof presentInbound>;

export interface InboundQuery {
  outcome?: InboundMailOutcome;
  mailboxId?: string;
  limit: number;
  cursor?: string;
}

export async function inboundMailList(ctx: ServiceContext, q: InboundQuery, english: boolean) {
  const before = q.cursor === undefined ? null : decodeKeyset(q.cursor, 'cursor');
  const rows = await listInboundMail(ctx.db, { outcome: q.outcome, mailboxId: q.mailboxId, before, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const counted = await countInboundByOutcome(ctx.db, q.mailboxId);
  const counts = Object.fromEntries(INBOUND_OUTCOMES.map((o) => [o, counted.find((c) => c.outcome === o)?.n ?? 0])) as Record<
    InboundMailOutcome,
    number
  >;
  return {
    items: page.map((r) => presentInbound(r, english)),
    next: rows.length > q.limit && last ? encodeKeyset({ at: last.received_at, id: last.id }) : null,
    counts,
  };
}

/** The raw message for download; the read is audited (it holds the sender's personal data). */
export async function inboundMailRaw(
  ctx: ServiceContext,
  meta: RequestMeta,
  actor: Actor,
  id: string,
): Promise<{ raw: Buffer; fileName: string }> {
  const found = await inboundRaw(ctx.db, id);
  if (!found) throw new DomainError('inbound_mail_not_found', {}, 'id');
  await audit(ctx.db, meta, {
    at: ctx.now(),
    actor: actor.id,
    action: 'inbound_mail.read_raw',
    outcome: 'success',
    targetType: 'inbound_mail',
    targetId: id,
    details: { messageId: found.message_id, mailboxId: found.mailbox_id, size: found.raw.length },
  });
  return { raw: found.raw, fileName: `${id}.eml` };
}

/** Imports a quarantined message again, now; the answer is the message with its new outcome. */
export async function reprocessInboundMail(
  ctx: ServiceContext,
  meta: RequestMeta,
  actor: Actor,
  id: string,
  settings: MailIntakeSettings,
  english: boolean,
): Promise<InboundAnswer> {
  const before = await findInboundListRow(ctx.db, id);
  if (!before) throw new DomainError('inbound_mail_not_found', {}, 'id');
  if (before.outcome !== 'quarantined') throw new DomainError('inbound_mail_not_reprocessable', { outcome: before.outcome }, 'id');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await resetInboundMail(trx, id))) throw new DomainError('inbound_mail_not_reprocessable', { outcome: before.outcome }, 'id');
    await audit(trx, meta, {
      at: ctx.now(),
      actor: actor.id,
      action: 'inbound_mail.reprocess',
      outcome: 'success',
      targetType: 'inbound_mail',
      targetId: id,
      details: { messageId: before.message_id, mailboxId: before.mailbox_id, reason: before.reason },
    });
  });
  await ingestInboundMail(ctx, id, settings);
  const after = await findInboundListRow(ctx.db, id);
  if (!after) throw new DomainError('inbound_mail_not_found', {}, 'id');
  return presentInbound(after, english);
}
