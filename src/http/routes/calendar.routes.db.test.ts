import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError } from '../../../test/db-assertions.js';
import type {
  CalendarImportedAnswer,
  CalendarOverviewAnswer,
  CalendarYearAnswer,
  CalendarYearConfirmedAnswer,
} from '../schemas/administration.responses.js';
import type { StoredComplaintEvent } from '../../domain/events/event-types.js';
import type { ComplaintDetailAnswer, complaintEvent, complaintEvents } from '../schemas/complaint.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-12-28T03:00:00Z'); // Mon 2026-12-28 11:00 in Shanghai
});
afterAll(async () => t.close());

type YearView = CalendarYearAnswer;
type Complaint = ComplaintDetailAnswer;
/** A history item read as a calendar or policy re-plan (the API sends the payload as an open record; the domain types it). */
type Event = Omit<z.output<typeof complaintEvent>, 'payload'> & {
  payload: Extract<StoredComplaintEvent<'clocks_replanned'>['payload'], { clocks: unknown }>;
};
type Events = Omit<z.output<typeof complaintEvents>, 'items'> & { items: Event[] };

const get = (url: string) => t.inject({ method: 'GET', url });
const year = async (y: number) => (await get(`/api/calendar/${y}`)).json() as YearView;
const day = async (date: string) => (await year(Number(date.slice(0, 4)))).days.find((d) => d.date === date);
const putDay = (date: string, payload: unknown) =>
  t.inject({ method: 'PUT', url: `/api/calendar/days/${date}`, payload: payload as string });
const importYear = (y: number | string, payload: string | object, contentType = 'application/json') =>
  t.inject({
    method: 'POST',
    url: `/api/calendar/${y}/import`,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers: { 'content-type': contentType },
  });
const register = async (name: string, phone: string) => {
  // received Mon 2026-12-28 09:30 Shanghai; level 3: l3_answer = 5 working days
  const res = await t.inject({
    method: 'POST',
    url: '/api/complaints',
    payload: complaintBody({ receivedAt: '2026-12-28T01:30:00Z', complainant: { name, phone } }),
  });
  expect(res.statusCode).toBe(201);
  return res.json() as Complaint;
};
const clock = (c: Complaint, kind: string) => {
  const k = c.clocks.find((x) => x.kind === kind);
  if (!k) throw new Error(`no ${kind} clock`);
  return k;
};
const detail = async (id: string) => (await get(`/api/complaints/${id}`)).json() as Complaint;

const ics = (events: Array<[string, string, string]>) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//holidays//CN',
    ...events.flatMap(([start, end, summary], i) => [
      'BEGIN:VEVENT',
      `UID:2027-${i}@test`,
      `DTSTART;VALUE=DATE:${start}`,
      `DTEND;VALUE=DATE:${end}`,
      `SUMMARY:${summary}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

const ics2027 = ics([
  ['20270101', '20270104', '元旦(休)'],
  ['20270206', '20270213', '春节(休)'],
  ['20270214', '20270215', '春节(班)'],
]);

describe('GET /api/calendar (R-H2)', () => {
  it('lists 2004..2026 as confirmed', async () => {
    const res = await get('/api/calendar');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as CalendarOverviewAnswer).items;
    const confirmed = items.filter((y) => y.confirmed).map((y) => y.year);
    expect(confirmed).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(items.find((y) => y.year === 2027)?.confirmed ?? false).toBe(false);
  });

  it('2026: 365 days, National Day holiday, adjusted working Saturday, normal weekend', async () => {
    const y = await year(2026);
    expect(y).toMatchObject({ year: 2026, confirmed: true });
    expect(y.days).toHaveLength(365);
    const by = new Map(y.days.map((d) => [d.date, d]));
    expect(by.get('2026-10-01')).toMatchObject({ kind: 'holiday', working: false, weekday: 4 });
    expect(by.get('2026-10-10')).toMatchObject({ kind: 'workday', working: true, weekday: 6 });
    expect(by.get('2026-10-17')).toMatchObject({ kind: 'weekend', working: false, weekday: 6 });
    expect(by.get('2026-12-30')).toMatchObject({ kind: 'weekday', working: true });
  });

  it('2027 is not confirmed: weekends and the statutory holidays of the regulation (#9 item 10)', async () => {
    const y = await year(2027);
    expect(y).toMatchObject({ confirmed: false, provisional: true, source: null });
    expect(y.days).toHaveLength(365);
    expect(y.days[0]).toMatchObject({ date: '2027-01-01', kind: 'holiday', working: false, name: '元旦', statutory: true });
    expect(y.days[1]).toMatchObject({ date: '2027-01-02', kind: 'weekend', working: false, statutory: false });
    expect(y.days[3]).toMatchObject({ date: '2027-01-04', kind: 'weekday', working: true });
    const holidays = y.days.filter((d) => d.kind === 'holiday');
    expect(holidays).toHaveLength(13);
    expect(holidays.every((d) => d.statutory && !d.working)).toBe(true);
    // adjusted working days are not known before the State Council's notice
    expect(y.days.some((d) => d.kind === 'workday')).toBe(false);
  });
});

describe('an unconfirmed year, then an iCalendar import (policy-defaults "Unconfirmed calendar")', () => {
  let first: Complaint;

  it('a working-day clock crossing into 2027 is flagged calendarConfirmed: false', async () => {
    first = await register('跨年', '13900000201');
    const l3 = clock(first, 'l3_answer');
    // Tue 29, Wed 30, Thu 31, (Fri 2027-01-01 New Year's Day, statutory), Mon 01-04, Tue 01-05 -> 17:30
    expect(l3.dueAt).toBe('2027-01-05T09:30:00.000Z');
    expect(l3.calendarConfirmed).toBe(false);
    expect(clock(first, 'regulatory').calendarConfirmed).toBe(false);
    expect(first.deadlines.calendarConfirmed).toBe(false);
  });

  it('importing 2027 from an .ics file confirms it and re-plans the open clock', async () => {
    const res = await importYear(2027, ics2027, 'text/calendar');
    expect(res.statusCode).toBe(200);
    const body = res.json() as CalendarImportedAnswer;
    expect(body).toMatchObject({ year: 2027, days: 3 + 7 + 1 });
    expect(body.replanned).toBeGreaterThanOrEqual(1);

    const y = await year(2027);
    expect(y).toMatchObject({ confirmed: true, source: 'import:ics' });
    const by = new Map(y.days.map((d) => [d.date, d]));
    expect(by.get('2027-01-01')).toMatchObject({ kind: 'holiday', working: false, name: '元旦' });
    expect(by.get('2027-01-03')).toMatchObject({ kind: 'holiday', working: false });
    expect(by.get('2027-01-04')).toMatchObject({ kind: 'weekday', working: true });
    expect(by.get('2027-02-14')).toMatchObject({ kind: 'workday', working: true, name: '春节' });

    const after = await detail(first.id);
    const l3 = clock(after, 'l3_answer');
    // the notice agrees on New Year's Day: same due time, now confirmed
    expect(l3.dueAt).toBe('2027-01-05T09:30:00.000Z');
    expect(l3.calendarConfirmed).toBe(true);
    expect(after.deadlines.calendarConfirmed).toBe(true);

    const events = ((await get(`/api/complaints/${first.id}/events`)).json() as Events).items;
    const replanned = events.filter((e) => e.type === 'clocks_replanned');
    expect(replanned).toHaveLength(1);
    expect(replanned[0]?.reason).toBe('calendar_changed');
    const moved = replanned[0]?.payload.clocks ?? [];
    expect(moved.find((m) => m.kind === 'l3_answer')).toMatchObject({
      fromDueAt: '2027-01-05T09:30:00.000Z',
      toDueAt: '2027-01-05T09:30:00.000Z',
      calendarConfirmed: true,
    });
  });

  it('a new complaint over the same days is confirmed from the start', async () => {
    const c = await register('跨年二', '13900000202');
    expect(clock(c, 'l3_answer')).toMatchObject({ dueAt: '2027-01-05T09:30:00.000Z', calendarConfirmed: true });
    expect(c.deadlines.calendarConfirmed).toBe(true);
  });

  it('PUT /api/calendar/days/{date}: a holiday shifts a new complaint, default restores it', async () => {
    const res = await putDay('2026-12-31', { kind: 'holiday', name: '测试' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date: '2026-12-31', kind: 'holiday', working: false, name: '测试' });
    expect(res.json().replanned).toBeGreaterThanOrEqual(1);
    const shifted = await register('调整', '13900000203');
    expect(clock(shifted, 'l3_answer').dueAt).toBe('2027-01-06T09:30:00.000Z');
    // open clocks of earlier complaints move too ("a later change re-plans only open clocks")
    expect(clock(await detail(first.id), 'l3_answer').dueAt).toBe('2027-01-06T09:30:00.000Z');

    const restore = await putDay('2026-12-31', { kind: 'default' });
    expect(restore.statusCode).toBe(200);
    expect(restore.json()).toMatchObject({ date: '2026-12-31', kind: 'weekday', working: true, name: '' });
    const back = await register('恢复', '13900000204');
    expect(clock(back, 'l3_answer').dueAt).toBe('2027-01-05T09:30:00.000Z');
    expect(clock(await detail(first.id), 'l3_answer').dueAt).toBe('2027-01-05T09:30:00.000Z');

    const workday = await putDay('2027-01-02', { kind: 'workday', name: '补班' });
    expect(workday.json()).toMatchObject({ date: '2027-01-02', kind: 'workday', working: true });
    await putDay('2027-01-02', { kind: 'default' });
    expect(await day('2027-01-02')).toMatchObject({ kind: 'weekend', working: false });
  });

  it('PUT /api/calendar/{year}/confirmation un-confirms and re-confirms a year', async () => {
    const off = await t.inject({ method: 'PUT', url: '/api/calendar/2027/confirmation', payload: { confirmed: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ year: 2027, confirmed: false });
    // the open clocks reaching into 2027 are flagged unconfirmed again
    expect((off.json() as CalendarYearConfirmedAnswer).replanned).toBeGreaterThanOrEqual(1);
    expect(clock(await detail(first.id), 'l3_answer')).toMatchObject({ dueAt: '2027-01-05T09:30:00.000Z', calendarConfirmed: false });
    expect((await year(2027)).confirmed).toBe(false);
    const c = await register('未确认', '13900000205');
    // unconfirmed again: the stored 2027 entries are ignored, the statutory New Year's Day counts
    expect(clock(c, 'l3_answer')).toMatchObject({ dueAt: '2027-01-05T09:30:00.000Z', calendarConfirmed: false });

    // confirming another year leaves this clock as it is, and records nothing on the complaint
    const other = await t.inject({ method: 'PUT', url: '/api/calendar/2031/confirmation', payload: { confirmed: true } });
    expect(other.json()).toMatchObject({ year: 2031, confirmed: true, replanned: 0 });
    const events = ((await get(`/api/complaints/${c.id}/events`)).json() as Events).items;
    expect(events.filter((e) => e.type === 'clocks_replanned')).toEqual([]);
    expect(clock(await detail(c.id), 'l3_answer')).toMatchObject({ dueAt: '2027-01-05T09:30:00.000Z', calendarConfirmed: false });

    const on = await t.inject({ method: 'PUT', url: '/api/calendar/2027/confirmation', payload: { confirmed: true } });
    expect(on.json()).toMatchObject({ year: 2027, confirmed: true });
    expect((on.json() as CalendarYearConfirmedAnswer).replanned).toBeGreaterThanOrEqual(1);
    expect(clock(await detail(c.id), 'l3_answer')).toMatchObject({ dueAt: '2027-01-05T09:30:00.000Z', calendarConfirmed: true });
  });

  it('importing JSON {days:[...]} replaces a year and confirms it', async () => {
    const res = await importYear(2028, {
      days: [
        { date: '2028-01-01', kind: 'holiday', name: '元旦' },
        { date: '2028-01-29', kind: 'workday', name: '春节' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2028, days: 2 });
    const y = await year(2028);
    expect(y).toMatchObject({ confirmed: true, source: 'import:json' });
    expect(y.days.find((d) => d.date === '2028-01-01')).toMatchObject({ kind: 'holiday', working: false, name: '元旦' });
    expect(y.days.find((d) => d.date === '2028-01-29')).toMatchObject({ kind: 'workday', working: true });
    expect(y.days).toHaveLength(366);
  });
});

describe('bad input on the calendar API (invariant 2)', () => {
  const unchanged = async (
    date: string,
    send: () => Promise<{ statusCode: number; json: () => unknown }>,
    status: number,
    field: string,
  ) => {
    const before = await day(date);
    const yearsBefore = (await get('/api/calendar')).json() as unknown;
    const res = await send();
    expectFieldError(res, status, field);
    expect(await day(date)).toEqual(before);
    expect((await get('/api/calendar')).json()).toEqual(yearsBefore);
  };

  it.each([
    ['an impossible date', () => putDay('2026-02-30', { kind: 'holiday' }), 400, 'params.date'],
    ['a date that is not a date', () => putDay('tomorrow', { kind: 'holiday' }), 400, 'params.date'],
    ['a five-digit year', () => putDay('99999-01-01', { kind: 'holiday' }), 400, 'params.date'],
    ['a year outside the calendar range', () => putDay('1800-01-01', { kind: 'holiday' }), 400, 'params.date'],
    ['kind party', () => putDay('2026-12-31', { kind: 'party' }), 400, 'kind'],
    ['kind missing', () => putDay('2026-12-31', { name: '无' }), 400, 'kind'],
    ['name too long', () => putDay('2026-12-31', { kind: 'holiday', name: '节'.repeat(51) }), 400, 'name'],
    ['unknown field', () => putDay('2026-12-31', { kind: 'holiday', colour: 'red' }), 400, 'body'],
  ] as const)('PUT day: %s -> 4xx naming the field, nothing changed', async (_n, send, status, field) => {
    await unchanged('2026-12-31', send, status, field);
  });

  it.each([
    [
      'a JSON date outside the year',
      () => importYear(2029, { days: [{ date: '2026-12-31', kind: 'holiday', name: 'x' }] }),
      400,
      'body.days.0.date',
    ],
    [
      'an impossible JSON date',
      () => importYear(2029, { days: [{ date: '2029-02-30', kind: 'holiday', name: 'x' }] }),
      400,
      'body.days.0.date',
    ],
    ['a JSON kind party', () => importYear(2029, { days: [{ date: '2029-01-01', kind: 'party', name: 'x' }] }), 400, 'body.days.0.kind'],
    ['an empty JSON import', () => importYear(2029, { days: [] }), 400, 'body'],
    ['JSON of another shape', () => importYear(2029, { colour: 'red' }), 400, 'body'],
    ['a JSON array', () => importYear(2029, '[1,2]'), 400, 'body'],
    ['a JSON string', () => importYear(2029, JSON.stringify(ics2027.replaceAll('2027', '2029'))), 400, 'body'],
    ['invalid JSON', () => importYear(2029, '{"days": ['), 400, 'body'],
    ['text that is not iCalendar', () => importYear(2029, 'hello, these are our holidays', 'text/calendar'), 400, 'body'],
    [
      'an .ics without any event',
      () => importYear(2029, 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', 'text/calendar'),
      400,
      'body',
    ],
    ['an .ics with an invalid date', () => importYear(2029, ics([['20290230', '20290231', '元旦(休)']]), 'text/calendar'), 400, 'body'],
    ['an .ics of another year', () => importYear(2029, ics2027, 'text/calendar'), 400, 'body'],
    ['a year out of range', () => importYear(99999, ics2027, 'text/calendar'), 400, 'params.year'],
    ['a year that is not a number', () => importYear('next', ics2027, 'text/calendar'), 400, 'params.year'],
    ['an unsupported content type', () => importYear(2029, '<days/>', 'application/xml'), 415, 'Content-Type'],
  ] as const)('import: %s -> 4xx naming the field, nothing changed', async (_n, send, status, field) => {
    await unchanged('2029-01-01', send, status, field);
  });

  it('other bad requests', async () => {
    expectFieldError(await get('/api/calendar/99999'), 400, 'params.year');
    expectFieldError(await get('/api/calendar/abc'), 400, 'params.year');
    const confirmation = (payload: unknown, y = '2027') =>
      t.inject({ method: 'PUT', url: `/api/calendar/${y}/confirmation`, payload: payload as string });
    await unchanged('2027-01-01', () => confirmation({ confirmed: 'yes' }), 400, 'confirmed');
    await unchanged('2027-01-01', () => confirmation({}), 400, 'confirmed');
    await unchanged('2027-01-01', () => confirmation({ confirmed: true }, '99999'), 400, 'params.year');
  });

  it('an import error says what is wrong, in English on request', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/calendar/2029/import',
      payload: 'hello',
      headers: { 'content-type': 'text/calendar', 'accept-language': 'en' },
    });
    const body = expectFieldError(res, 400, 'body');
    expect(body.fields[0]?.message).toBe('body: the iCalendar file cannot be read: line 1: not an iCalendar content line (NAME:value)');
    const json = await t.inject({
      method: 'POST',
      url: '/api/calendar/2029/import',
      payload: { days: [{ date: '2026-12-31', kind: 'holiday', name: 'x' }] },
      headers: { 'accept-language': 'en' },
    });
    expect(expectFieldError(json, 400, 'body.days.0.date').fields[0]?.message).toBe(
      'body.days.0.date: the calendar import is invalid: date is not in 2029',
    );
    const old = await putDay('1800-01-01', { kind: 'holiday' });
    expect(expectFieldError(old, 400, 'params.date').fields[0]?.code).toBe('year_out_of_range');
    expect(await t.db.selectFrom('calendar_days').select('date').where('date', '<', '1900-01-01').execute()).toEqual([]);
  });
});
