/**
 * Training reminders (#15 item 1): every morning (job `training.reminders`) the enrolled attendees of
 * the sessions starting tomorrow (company time zone) are told in the app and, through the outbox, by
 * e-mail or SMS as they chose: template `training.reminder`, rendered in the reader's language. Each
 * notice names its session in the source key, so a second run (another instance, a retry, a restart)
 * tells nobody twice; the session records when its reminders went out.
 */
import { sessionsStartingOn, updateTrainingSession } from '../../db/repositories/training.repository.js';
import { sendNotifications } from '../channels/notification.service.js';
import type { ServiceContext } from '../context.js';

export const TRAINING_REMINDER_KIND = 'training_reminder';

/** The local date after `now` in the time zone. */
export function localTomorrow(now: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const today = f.format(now);
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function sendTrainingReminders(ctx: ServiceContext): Promise<{ date: string; sessions: number; notified: number }> {
  const now = ctx.now();
  const date = localTomorrow(now, ctx.timeZone);
  const sessions = await sessionsStartingOn(ctx.db, date, ctx.timeZone);
  let notified = 0;
  for (const s of sessions) {
    notified += await ctx.db.transaction().execute(async (trx) => {
      const written = await sendNotifications(
        trx,
        s.attendees.map((a) => a.id),
        {
          complaintId: null,
          kind: TRAINING_REMINDER_KIND,
          sourceKey: `training.reminder:${s.id}:${date}`,
          message: {
            template: 'training.reminder',
            params: {
              planTitle: s.plan_title,
              sessionTitle: s.title,
              when: s.local_start,
              place: [s.place, s.online_url].filter((x): x is string => !!x).join(' ') || '-',
              link: '/training/my',
            },
          },
        },
        now,
      );
      if (s.reminded_at === null) await updateTrainingSession(trx, s.id, { reminded_at: now });
      return written;
    });
  }
  return { date, sessions: sessions.length, notified };
}
