import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assertYear,
  calendarYear,
  calendarYears,
  importCalendarYear,
  setCalendarDay,
  setYearConfirmed,
} from '../../services/calendar.service.js';
import type { ServiceContext } from '../../services/context.js';
import { actorOf } from '../request-context.js';
import { isoDate, optionalText } from '../schemas/common.js';

const yearParams = z.strictObject({ year: z.coerce.number().int().min(1900).max(2200) });

/** R-H2: the working-day calendar, seeded from chinese-days and editable. */
export function calendarRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['calendar'];
    // iCalendar uploads arrive as text; only this plugin accepts them.
    app.addContentTypeParser(['text/calendar', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

    app.get('/api/calendar', { schema: { tags, summary: 'Years with calendar data and whether each is confirmed' } }, async () => ({
      items: await calendarYears(ctx.db),
    }));

    app.get(
      '/api/calendar/:year',
      { schema: { tags, summary: 'Every day of a year; confirmed:false when the year has no confirmed data', params: yearParams } },
      async (req) => calendarYear(ctx.db, req.params.year),
    );

    app.put(
      '/api/calendar/days/:date',
      {
        schema: {
          tags,
          summary: 'Set one day: holiday, adjusted working day, or back to the weekday/weekend default',
          params: z.strictObject({ date: isoDate }),
          body: z.strictObject({ kind: z.enum(['holiday', 'workday', 'default']), name: optionalText(50) }),
        },
      },
      async (req) => {
        await setCalendarDay(ctx, actorOf(req), { date: req.params.date, kind: req.body.kind, name: req.body.name ?? '' });
        const year = Number(req.params.date.slice(0, 4));
        assertYear(year);
        const view = await calendarYear(ctx.db, year);
        return view.days.find((d) => d.date === req.params.date);
      },
    );

    app.put(
      '/api/calendar/:year/confirmation',
      {
        schema: {
          tags,
          summary: 'Mark a year confirmed or not; confirming re-plans open clocks computed without it',
          params: yearParams,
          body: z.strictObject({ confirmed: z.boolean() }),
        },
      },
      async (req) => {
        const { replanned } = await setYearConfirmed(ctx, actorOf(req), req.params.year, req.body.confirmed);
        return { year: req.params.year, confirmed: req.body.confirmed, replanned };
      },
    );

    app.post(
      '/api/calendar/:year/import',
      {
        schema: {
          tags,
          summary: 'Replace a year from JSON ({days:[{date,kind,name}]} or the chinese-days format) or an iCalendar file (Content-Type: text/calendar)',
          params: yearParams,
          body: z.union([z.string().max(2_000_000), z.record(z.string(), z.unknown())]),
        },
      },
      async (req) => {
        const format = typeof req.body === 'string' ? 'ics' : 'json';
        return importCalendarYear(ctx, actorOf(req), req.params.year, format, req.body);
      },
    );
  };
}
