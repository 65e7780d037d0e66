/**
 * The year-end calendar alert (#9 item 10, R-H2): while a year the clocks already run into has no
 * confirmed calendar (from 1 November for the next year), every user who may edit the calendar
 * gets one notification per year, leading to the import of the State Council's notice. Raised by
 * the clock sweeper run (src/jobs/clock-sweeper.job.ts), which also runs at start-up; the
 * notification key names the year, so however often it runs (and on however many instances),
 * nobody is told twice.
 */
import { permissionsOf, ROLES } from '../../domain/access/permissions.js';
import { calendarReadiness, type CalendarReadiness } from '../../domain/calendar/calendar-readiness.js';
import { localDate } from '../../domain/time/zoned.js';
import { loadCalendarYears } from '../../db/repositories/calendar.repository.js';
import { usersWithRole } from '../../db/repositories/user.repository.js';
import { sendNotifications } from '../channels/notification.service.js';
import type { ServiceContext } from '../context.js';

export const CALENDAR_ALERT_KIND = 'calendar_unconfirmed';

/** The page of the web app where the year is imported, with that year and its import open. */
export const calendarImportLink = (year: number) => `/admin/calendar?year=${year}&import=1`;

/** The years to ask for now, in the company's time zone. */
export async function currentCalendarReadiness(ctx: ServiceContext): Promise<CalendarReadiness> {
  const years = await loadCalendarYears(ctx.db);
  return calendarReadiness(localDate(ctx.now(), ctx.timeZone), new Set(years.filter((y) => y.confirmed).map((y) => y.year)));
}

/** Users whose roles may write the calendar (today: administrators). */
async function calendarEditors(ctx: ServiceContext): Promise<Array<{ id: string; username: string }>> {
  const found = new Map<string, { id: string; username: string }>();
  for (const role of ROLES.filter((r) => permissionsOf([r]).includes('calendar.write'))) {
    for (const u of await usersWithRole(ctx.db, role)) found.set(u.id, u);
  }
  return [...found.values()];
}

/** Notifies the calendar editors of each pending year they have not been told of; returns the rows written. */
export async function alertUnconfirmedCalendar(ctx: ServiceContext): Promise<{ pending: number[]; notified: number }> {
  const { pending } = await currentCalendarReadiness(ctx);
  if (pending.length === 0) return { pending, notified: 0 };
  const users = await calendarEditors(ctx);
  if (users.length === 0) return { pending, notified: 0 };
  const at = ctx.now();
  let notified = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const year of pending) {
      notified += await sendNotifications(
        trx,
        users.map((u) => u.id),
        {
          complaintId: null,
          kind: CALENDAR_ALERT_KIND,
          sourceKey: `calendar:unconfirmed:${year}`,
          message: { template: 'calendar.unconfirmed', params: { year, link: calendarImportLink(year) } },
        },
        at,
      );
    }
  });
  return { pending, notified };
}
