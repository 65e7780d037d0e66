import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  calendarYear,
  calendarYears,
  importCalendarYear,
  setCalendarDay,
  setYearConfirmed,
  type ImportFormat,
} from '../../services/administration/calendar.service.js';
import { currentCalendarReadiness } from '../../services/administration/calendar-alert.service.js';
import type { ServiceContext } from '../../services/context.js';
import { access, actorOf, metaOf } from '../auth/route-access.js';
import {
  calendarDayChanged,
  calendarImported,
  calendarOverview,
  calendarYearConfirmed,
  calendarYearResponse,
} from '../schemas/administration.responses.js';
import { isoDate, optionalText } from '../schemas/common.js';
import { answers } from '../schemas/response.js';

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const yearParams = z.strictObject({ year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR) });
/** A real date inside the years the calendar covers (checked before anything is written). */
const dayParams = z.strictObject({
  date: isoDate.refine((d) => {
    const year = Number(d.slice(0, 4));
    return !/^\d{4}-/.test(d) || (year >= MIN_YEAR && year <= MAX_YEAR);
  }, 'year_out_of_range'),
});

/** .ics uploads arrive as text/calendar (or text/plain); everything else is a JSON import. */
function importFormat(contentType: string | undefined): ImportFormat {
  return /^\s*text\/(calendar|plain)\s*(;|$)/i.test(contentType ?? '') ? 'ics' : 'json';
}

/** R-H2: the working-day calendar, seeded from chinese-days and editable. */
export function calendarRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['calendar'];
    // iCalendar uploads arrive as text; only this plugin accepts them.
    app.addContentTypeParser(['text/calendar', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

    app.get(
      '/api/calendar',
      {
        config: { access: access.to('calendar.read') },
        schema: {
          tags,
          summary:
            'Years with calendar data and whether each is confirmed; pending: unconfirmed years to import now (next year from 1 November)',
          response: answers({ 200: calendarOverview }),
        },
      },
      async () => {
        const [items, readiness] = await Promise.all([calendarYears(ctx.db), currentCalendarReadiness(ctx)]);
        return { items, pending: readiness.pending, nextYearAlertFrom: readiness.nextYearAlertFrom };
      },
    );

    app.get(
      '/api/calendar/:year',
      {
        config: { access: access.to('calendar.read') },
        schema: {
          tags,
          summary: 'Every day of a year; confirmed:false when the year has no confirmed data',
          params: yearParams,
          response: answers({ 200: calendarYearResponse }),
        },
      },
      async (req) => calendarYear(ctx.db, req.params.year),
    );

    app.put(
      '/api/calendar/days/:date',
      {
        config: { access: access.to('calendar.write') },
        schema: {
          tags,
          summary: 'Set one day: holiday, adjusted working day, or back to the weekday/weekend default',
          params: dayParams,
          body: z.strictObject({ kind: z.enum(['holiday', 'workday', 'default']), name: optionalText(50) }),
          response: answers({ 200: calendarDayChanged }, 413, 415),
        },
      },
      async (req) => {
        const { replanned } = await setCalendarDay(
          ctx,
          actorOf(req),
          { date: req.params.date, kind: req.body.kind, name: req.body.name ?? '' },
          metaOf(req),
        );
        const view = await calendarYear(ctx.db, Number(req.params.date.slice(0, 4)));
        const day = view.days.find((d) => d.date === req.params.date);
        // dayParams let only a date of the calendar's years through: its year view has that day
        if (!day) throw new Error(`calendar year ${view.year} has no day ${req.params.date}`);
        return { ...day, replanned };
      },
    );

    app.put(
      '/api/calendar/:year/confirmation',
      {
        config: { access: access.to('calendar.write') },
        schema: {
          tags,
          summary: 'Mark a year confirmed or not; confirming re-plans open clocks computed without it',
          params: yearParams,
          body: z.strictObject({ confirmed: z.boolean() }),
          response: answers({ 200: calendarYearConfirmed }, 413, 415),
        },
      },
      async (req) => {
        const { replanned } = await setYearConfirmed(ctx, actorOf(req), req.params.year, req.body.confirmed, metaOf(req));
        return { year: req.params.year, confirmed: req.body.confirmed, replanned };
      },
    );

    app.post(
      '/api/calendar/:year/import',
      {
        config: { access: access.to('calendar.write') },
        schema: {
          tags,
          summary:
            'Replace a year from JSON ({days:[{date,kind,name}]} or the chinese-days format) or an iCalendar file (Content-Type: text/calendar)',
          params: yearParams,
          body: z.union([z.string().max(2_000_000), z.record(z.string(), z.unknown())]),
          response: answers({ 200: calendarImported }, 413, 415),
        },
      },
      async (req) => {
        // the Content-Type decides: a JSON string body is a bad JSON import, not an .ics file
        return importCalendarYear(ctx, actorOf(req), req.params.year, importFormat(req.headers['content-type']), req.body, metaOf(req));
      },
    );
  };
}
