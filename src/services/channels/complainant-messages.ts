/**
 * Messages to the complainant (#11 item 7), planned from outbox rows:
 * - `complaint.registered`: the acknowledgment (R-B2) for letter, e-mail, web and app complaints,
 *   with the number and the date the regulatory clock gives for the answer;
 * - `complaint.feedback_sent`: the handling result (R-D4), by the method the feedback step chose;
 * - `complaint.concluded`: the final notice naming mediation, arbitration, court and the
 *   regulator's hotline of the business line's sector;
 * - `complaint.reply`: a staff member's reply from the correspondence thread (#12 item 5), by the
 *   channel they chose (correspondence.service.ts checked the complainant has that contact).
 * By e-mail when the complainant gave an address, else by SMS to their phone; with neither (a
 * letter with a postal address only) nothing goes out here: the printed receipt and reply letter do.
 */
import { maskEmail, maskPhone } from '../../domain/personal-data/masking.js';
import { expectedAnswerBy, regulatorHotline } from '../../domain/documents/printed-documents.js';
import { localParts } from '../../domain/time/zoned.js';
import type { Database } from '../../db/database.js';
import { listClocks } from '../../db/repositories/clock.repository.js';
import { findComplaint, type ComplaintRecord } from '../../db/repositories/complaint.repository.js';
import type { NewMessage } from '../../db/repositories/message.repository.js';
import type { OutboxRow } from '../../db/repositories/outbox.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import type { ServiceContext } from '../context.js';
import { channelsOf, trackLink } from './channel-settings.js';

/** Channels whose complainants are acknowledged in writing (R-B2); counter and hotline callers are answered on the spot. */
const ACKNOWLEDGED_CHANNELS = new Set(['letter', 'email', 'web', 'app']);

type Via = 'email' | 'sms';

/** The outbox topics that speak to the complainant. */
const COMPLAINANT_TOPICS = new Set(['complaint.registered', 'complaint.feedback_sent', 'complaint.concluded', 'complaint.reply']);

function contactOf(c: ComplaintRecord, prefer: Via | null): { via: Via; label: string } | null {
  const email = c.complainant_email?.trim() || null;
  const phone = c.complainant_phone?.trim() || null;
  const order: Via[] = prefer === 'sms' ? ['sms', 'email'] : prefer === 'email' ? ['email'] : ['email', 'sms'];
  for (const via of prefer ? [prefer] : order) {
    if (via === 'email' && email) return { via, label: maskEmail(email) ?? '***' };
    if (via === 'sms' && phone) return { via, label: maskPhone(phone) ?? '****' };
  }
  return null;
}

function localDate(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function message(
  row: OutboxRow,
  c: ComplaintRecord,
  to: { via: Via; label: string },
  purpose: string,
  m: { template: string; params: Record<string, unknown> },
): NewMessage {
  return {
    outboxId: String(row.id),
    idempotencyKey: `${row.idempotency_key}:${to.via}`,
    channel: to.via,
    purpose,
    recipientKind: 'complainant',
    recipientRef: c.id,
    recipientLabel: to.label,
    complaintId: c.id,
    template: m.template,
    params: m.params,
    locale: 'zh-CN',
  };
}

export async function complainantMessagesFor(ctx: ServiceContext, trx: Database, row: OutboxRow): Promise<NewMessage[]> {
  const p = row.payload as { complaintId?: string; method?: string; content?: string; subject?: string; text?: string; by?: string };
  if (!p.complaintId) return [];
  if (!COMPLAINANT_TOPICS.has(row.topic)) return [];
  const c = await findComplaint(trx, p.complaintId);
  if (!c) return [];
  const s = channelsOf(ctx);
  if (row.topic === 'complaint.registered') {
    if (!ACKNOWLEDGED_CHANNELS.has(c.channel)) return [];
    const to = contactOf(c, null);
    if (!to) return [];
    // the same date the printed receipt names: the earliest running answer clock (domain/documents)
    const due = expectedAnswerBy(await listClocks(trx, [c.id]));
    const expectedBy = due ? localDate(due, ctx.timeZone) : '';
    return [
      message(row, c, to, 'acknowledgment', {
        template: 'complainant.acknowledgment',
        params: { number: c.number, expectedBy, link: trackLink(s, c.number), companyName: s.companyName },
      }),
    ];
  }
  if (row.topic === 'complaint.reply') {
    const to = p.method === 'email' || p.method === 'sms' ? contactOf(c, p.method) : null;
    if (!to) return [];
    return [
      message(row, c, to, 'reply', {
        template: 'complainant.reply',
        params: {
          number: c.number,
          subject: p.subject ?? '',
          text: p.text ?? '',
          link: trackLink(s, c.number),
          companyName: s.companyName,
          ...(p.by ? { by: p.by } : {}),
        },
      }),
    ];
  }
  if (row.topic === 'complaint.feedback_sent') {
    const to = p.method === 'email' || p.method === 'sms' ? contactOf(c, p.method) : null;
    if (!to) return [];
    return [
      message(row, c, to, 'feedback', {
        template: 'complainant.feedback',
        params: { number: c.number, content: p.content ?? '', link: trackLink(s, c.number), companyName: s.companyName },
      }),
    ];
  }
  const to = contactOf(c, null);
  if (!to) return [];
  const { policy } = await currentPolicy(trx);
  const sector = policy.taxonomies.businessLines.find((l) => l.code === c.business_line)?.sector ?? 'insurance';
  return [
    message(row, c, to, 'final_notice', {
      template: 'complainant.final_notice',
      params: { number: c.number, sector, hotline: regulatorHotline(sector).hotline, companyName: s.companyName },
    }),
  ];
}
