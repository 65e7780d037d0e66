/**
 * The daily digest (#11 item 6): every morning, each staff member who chose "once a day" for some
 * kind of notice gets one e-mail listing those notices since the last digest, in their language.
 * Level-1 alerts are never in it (they always go out at once). One message per user and day: a
 * repeated run (another instance, a retry) writes nothing twice.
 */
import { isTemplateCode, renderMessage, type Message } from '../../domain/messages/message-templates.js';
import { planNotice, type NoticePreferences } from '../../domain/messages/notice-preferences.js';
import { localParts } from '../../domain/time/zoned.js';
import { enqueueJobs } from '../../db/repositories/job.repository.js';
import { insertMessages } from '../../db/repositories/message.repository.js';
import { listNotificationsBetween } from '../../db/repositories/notification.repository.js';
import { listDigestUsers, markDigestSent } from '../../db/repositories/user.repository.js';
import { maskEmail } from '../../domain/personal-data/masking.js';
import type { ServiceContext } from '../context.js';

const MAX_LINES = 200;

function render(template: string, params: Record<string, unknown>, locale: 'zh-CN' | 'en-US'): string {
  try {
    const m = (isTemplateCode(template) ? { template, params } : { template: 'legacy.text', params: { text: template } }) as Message;
    return renderMessage(m, locale);
  } catch {
    return template;
  }
}

export async function runDailyDigest(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  const local = localParts(now, ctx.timeZone);
  const date = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
  let sent = 0;
  for (const user of await listDigestUsers(ctx.db)) {
    const from = user.digest_sent_through ?? new Date(now.getTime() - 24 * 3600_000);
    const prefs = user.notice_channels as NoticePreferences;
    const rows = (await listNotificationsBetween(ctx.db, user.id, from, now, MAX_LINES * 5)).filter(
      (n) => planNotice(n.kind, prefs).digest,
    );
    await ctx.db.transaction().execute(async (trx) => {
      if (rows.length > 0 && user.email) {
        const lines = rows.slice(0, MAX_LINES).map((n) => render(n.template, n.params, user.locale));
        if (rows.length > MAX_LINES) lines.push(`… +${rows.length - MAX_LINES}`);
        const written = await insertMessages(
          trx,
          [
            {
              outboxId: null,
              idempotencyKey: `digest:${user.id}:${date}`,
              channel: 'email',
              purpose: 'digest',
              recipientKind: 'user',
              recipientRef: user.id,
              recipientLabel: `${user.username} ${maskEmail(user.email) ?? ''}`,
              complaintId: null,
              template: 'staff.digest',
              params: { count: rows.length, date, lines },
              locale: user.locale,
            },
          ],
          now,
        );
        await enqueueJobs(
          trx,
          written.map((m) => ({ name: 'message.send' as const, data: { messageId: m.id } })),
        );
        sent += written.length;
      }
      await markDigestSent(trx, user.id, now);
    });
  }
  return sent;
}
