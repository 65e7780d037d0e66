/**
 * One attempt to send one message (#11 items 2, 7): resolve the address (never stored with the
 * message), render the text in the recipient's language, hand it to the channel's transport with
 * the message's idempotency key, and record the outcome. No transaction is held while the provider
 * answers; the attempt is counted before the send, so a crash mid-send still shows. A message
 * already sent is never sent again by a repeated job (another instance, a retry after a crash
 * between send and mark re-sends with the same key, which the receiver drops).
 *
 * Sent messages to the complainant are recorded on the complaint's history (message_sent, the
 * proof: provider, its id, when accepted) and the acknowledgment meets its clock (R-B2). A message
 * to the complainant that is dead after every attempt is a tracked exception, told to the handler.
 */
import { maskEmail, maskPhone } from '../../domain/personal-data/masking.js';
import { smsSegments } from '../../domain/messages/sms.js';
import { textToHtml } from '../../domain/messages/text-to-html.js';
import type { Database } from '../../db/database.js';
import { findComplaint } from '../../db/repositories/complaint.repository.js';
import { appendEvents } from '../../db/repositories/event.repository.js';
import { meetOpenClocksOfKinds } from '../../db/repositories/clock.repository.js';
import { countAttempt, findMessage, markFailed, markSent, type MessageRow } from '../../db/repositories/message.repository.js';
import { findUser } from '../../db/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { notify } from '../workflow/notify.service.js';
import { raiseException } from '../workflow/exceptions.service.js';
import { channelsOf } from './channel-settings.js';
import { contactDelivery } from '../portal/code-delivery.js';
import { renderOutgoing } from './message-render.service.js';
import { TransportError, type EmailTransport, type SendResult, type SmsTransport } from './transports/transport.js';

export interface Transports {
  email: EmailTransport;
  sms: SmsTransport;
  webhook: (db: Database, m: MessageRow) => Promise<SendResult>;
}

export type SendOutcome = 'sent' | 'already_sent' | 'dead' | 'missing';

const SYSTEM_ACTOR = 'system';

/** The address now (a complainant's corrected contact applies to the next attempt), and a display name. */
async function addressOf(db: Database, m: MessageRow): Promise<{ to: string; name: string | null }> {
  if (m.recipient_kind === 'user') {
    const u = await findUser(db, { id: m.recipient_ref });
    const to = m.channel === 'email' ? u?.email : u?.mobile;
    if (!u || !u.active || !to)
      throw new TransportError(`no ${m.channel === 'email' ? 'e-mail address' : 'mobile number'} for the user`, true);
    return { to, name: u.display_name };
  }
  const c = await findComplaint(db, m.recipient_ref);
  const to = m.channel === 'email' ? c?.complainant_email : c?.complainant_phone;
  if (!c || !to) throw new TransportError(`no ${m.channel === 'email' ? 'e-mail address' : 'phone number'} for the complainant`, true);
  return { to, name: c.complainant_name };
}

async function deliver(
  ctx: ServiceContext,
  t: Transports,
  m: MessageRow,
): Promise<{ result: SendResult; subject: string | null; body: string }> {
  if (m.channel === 'webhook') {
    const result = await t.webhook(ctx.db, m);
    return { result, subject: null, body: result.sentText ?? '' };
  }
  if (m.recipient_kind === 'webhook') throw new TransportError('a webhook recipient on a non-webhook channel', true);
  // a one-time code (#12): the address and the code come from the code's row, and the proof kept has the code hidden
  const contact = m.recipient_kind === 'contact' ? await contactDelivery(ctx, m) : null;
  const { to, name } = contact ? { to: contact.to, name: null } : await addressOf(ctx.db, m);
  const hide = contact ? contact.redact : (text: string) => text;
  // a provider's error may quote what it was sent: kept (last_error) with the code hidden too
  const guarded = <T>(sending: Promise<T>): Promise<T> =>
    sending.catch((err: unknown) => {
      throw err instanceof TransportError ? new TransportError(hide(err.message), err.permanent) : err;
    });
  const content = await renderOutgoing(ctx.db, channelsOf(ctx), {
    template: m.template,
    params: contact ? contact.params : m.params,
    locale: m.locale,
    complaintId: m.complaint_id,
    channel: m.channel,
    recipientKind: m.recipient_kind === 'user' ? 'user' : 'complainant',
    timeZone: ctx.timeZone,
  });
  if (m.channel === 'email') {
    const result = await guarded(
      t.email.send({
        to,
        toName: name,
        subject: content.subject,
        text: content.text,
        html: textToHtml(content.text),
        idempotencyKey: m.idempotency_key,
      }),
    );
    return { result, subject: hide(content.subject), body: hide(content.text) };
  }
  const result = await guarded(t.sms.send({ to, text: content.text, idempotencyKey: m.idempotency_key }));
  return { result, subject: null, body: hide(result.sentText ?? content.text) };
}

function label(m: MessageRow): string {
  return m.recipient_label;
}

/** Sent: the row, and for a complainant's message its proof on the complaint (and the acknowledgment clock met). */
async function recordSent(
  ctx: ServiceContext,
  m: MessageRow,
  sent: { result: SendResult; subject: string | null; body: string },
): Promise<void> {
  const { result } = sent;
  await ctx.db.transaction().execute(async (trx) => {
    const complaint = m.recipient_kind === 'complainant' && m.complaint_id ? await findComplaint(trx, m.complaint_id, true) : undefined;
    await markSent(trx, m.id, {
      provider: result.provider,
      providerId: result.providerId,
      subject: sent.subject,
      body: sent.body,
      segments: result.segments ?? (m.channel === 'sms' ? smsSegments(sent.body).segments : null),
      sentAt: result.acceptedAt,
      deliveredAt: result.delivered ? result.acceptedAt : null,
    });
    if (!complaint || (m.channel !== 'email' && m.channel !== 'sms')) return;
    const metClocks =
      m.purpose === 'acknowledgment' ? await meetOpenClocksOfKinds(trx, complaint.id, ['acknowledgment'], result.acceptedAt) : [];
    await appendEvents(trx, complaint.id, [
      {
        type: 'message_sent',
        actor: SYSTEM_ACTOR,
        occurredAt: result.acceptedAt,
        payload: {
          messageId: m.id,
          purpose: m.purpose,
          channel: m.channel,
          recipient: label(m),
          provider: result.provider,
          providerId: result.providerId,
          acceptedAt: result.acceptedAt,
          deliveredAt: result.delivered ? result.acceptedAt : null,
          metClocks,
        },
      },
    ]);
  });
}

/**
 * Dead: after the last attempt, or refused for good. A complainant's message becomes a tracked
 * exception on its complaint, and the handler and tracker are told to reach the customer otherwise.
 * Safe to repeat (the dead-letter job runs it again after the send job's own last attempt).
 */
export async function recordDead(
  ctx: ServiceContext,
  messageId: string,
  error: string,
  opts: { afterSent?: boolean } = {},
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await findMessage(trx, messageId);
    if (!m || ((m.status === 'sent' || m.status === 'delivered') && !opts.afterSent)) return false;
    const complaint = m.recipient_kind === 'complainant' && m.complaint_id ? await findComplaint(trx, m.complaint_id, true) : undefined;
    const now = ctx.now();
    const changed = await markFailed(trx, m.id, { error, dead: true, at: now, afterSent: opts.afterSent });
    if (!changed || !complaint || (m.channel !== 'email' && m.channel !== 'sms')) return changed;
    const raised = await raiseException(trx, {
      complaintId: complaint.id,
      kind: 'message_failed',
      clockId: null,
      sourceKey: `message:${m.id}`,
      details: { number: complaint.number, messageId: m.id, purpose: m.purpose, channel: m.channel, recipient: label(m) },
      at: now,
    });
    if (!raised) return changed;
    await appendEvents(trx, complaint.id, [
      {
        type: 'message_failed',
        actor: SYSTEM_ACTOR,
        occurredAt: now,
        payload: {
          messageId: m.id,
          purpose: m.purpose,
          channel: m.channel,
          recipient: label(m),
          attempts: m.attempts,
          error: error.slice(0, 500),
        },
      },
    ]);
    await notify(
      trx,
      {
        id: complaint.id,
        number: complaint.number,
        departmentIds: complaint.department_ids,
        branchId: complaint.branch_id,
        assignee: complaint.assignee,
        tracker: complaint.tracker,
      },
      ['assignee', 'tracker', 'supervisors'],
      {
        kind: 'message_failed',
        sourceKey: `message-failed:${m.id}`,
        message: { template: 'message.failed', params: { number: complaint.number, purpose: m.purpose, channel: m.channel } },
      },
      now,
    );
    return changed;
  });
}

/**
 * One attempt. Throws when the attempt failed and may be retried (the job runner retries with
 * backoff); a permanent refusal or the last attempt marks the message dead instead.
 */
export async function sendMessage(ctx: ServiceContext, t: Transports, messageId: string, attempt: { last: boolean }): Promise<SendOutcome> {
  const m = await findMessage(ctx.db, messageId);
  if (!m) return 'missing';
  if (m.status === 'sent' || m.status === 'delivered') return 'already_sent';
  await countAttempt(ctx.db, m.id, ctx.now());
  let sent: Awaited<ReturnType<typeof deliver>>;
  try {
    sent = await deliver(ctx, t, m);
  } catch (err) {
    const error = describe(err);
    const permanent = err instanceof TransportError && err.permanent;
    if (permanent || attempt.last) {
      await recordDead(ctx, m.id, error);
      if (permanent) return 'dead';
    } else {
      await markFailed(ctx.db, m.id, { error, dead: false, at: ctx.now() });
    }
    throw err;
  }
  await recordSent(ctx, m, sent);
  return 'sent';
}

function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  // an address in an error message is masked before it is stored
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, (e) => maskEmail(e) ?? '***')
    .replace(/(\+?\d[\d -]{9,}\d)/g, (p) => maskPhone(p) ?? '****');
}
