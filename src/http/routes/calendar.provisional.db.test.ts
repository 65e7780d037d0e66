/**
 * The year end (#9 item 10, R-H2, R-E3): a year without a confirmed calendar is counted with the
 * statutory holidays of the national regulation and flagged unconfirmed; administrators are
 * alerted from 1 November, once per year; importing the notice re-plans the clocks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { sweepClocksAndCalendar } from '../../jobs/clock-sweeper.job.js';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { renderMessage, type Message } from '../../domain/messages/message-templates.js';
import type { StoredComplaintEvent } from '../../domain/events/event-types.js';
import type { CalendarImportedAnswer, CalendarOverviewAnswer, CalendarYearAnswer } from '../schemas/administration.responses.js';
import type { ComplaintDetailAnswer, complaintEvent, complaintEvents } from '../schemas/complaint.responses.js';
import type { NotificationPageAnswer } from '../schemas/notification.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-10-31T15:59:00Z'); // Sat 2026-10-31 23:59 in Shanghai
});
afterAll(async () => t.close());

type Complaint = ComplaintDetailAnswer;
/** A history item read as a calendar or policy re-plan (the API sends the payload as an open record; the domain types it). */
type Event = Omit<z.output<typeof complaintEvent>, 'payload'> & {
  payload: Extract<StoredComplaintEvent<'clocks_replanned'>['payload'], { clocks: unknown }>;
};
type Events = Omit<z.output<typeof complaintEvents>, 'items'> & { items: Event[] };

const get = (url: string, as?: string) => t.inject({ method: 'GET', url }, as);
const sweep = () => sweepClocksAndCalendar(t.ctx, {});
const register = async (receivedAt: string, phone: string) => {
  const res = await t.inject({
    method: 'POST',
    url: '/api/complaints',
    payload: complaintBody({ receivedAt, complainant: { name: '跨年', phone } }),
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
const calendarAlerts = async () =>
  (
    await t.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['u.username', 'n.template', 'n.params', 'n.source_key'])
      .where('n.kind', '=', 'calendar_unconfirmed')
      .orderBy('u.username')
      .execute()
  ).map(({ template, params, ...r }) => ({ ...r, title: renderMessage({ template, params } as Message, 'zh-CN') }));
const administrators = async () =>
  (
    await t.db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select('u.username')
      .where('r.role', '=', 'administrator')
      .where('u.active', '=', true)
      .orderBy('u.username')
      .execute()
  ).map((u) => u.username);

describe('administrators are alerted from 1 November while next year is unconfirmed', () => {
  it('not on 31 October', async () => {
    await sweep();
    expect(await calendarAlerts()).toEqual([]);
    const years = (await get('/api/calendar')).json() as CalendarOverviewAnswer;
    expect(years).toMatchObject({ pending: [], nextYearAlertFrom: '2026-11-01' });
  });

  it('from 1 November 00:00 (company time): one notification per administrator, leading to the import', async () => {
    t.setNow('2026-10-31T16:00:00Z'); // Sun 2026-11-01 00:00 in Shanghai
    expect(((await get('/api/calendar')).json() as CalendarOverviewAnswer).pending).toEqual([2027]);
    await sweep();
    const admins = await administrators();
    expect(admins.length).toBeGreaterThanOrEqual(2);
    const alerts = await calendarAlerts();
    expect(alerts.map((a) => a.username)).toEqual(admins);
    expect(alerts.every((a) => a.source_key === 'calendar:unconfirmed:2027')).toBe(true);
    expect(alerts[0]?.title).toContain('2027 年工作日历尚未确认');

    const inbox = (await get('/api/notifications')).json() as NotificationPageAnswer;
    const mine = inbox.items.filter((n) => n.kind === 'calendar_unconfirmed');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ complaintId: null, body: { year: 2027, link: '/admin/calendar?year=2027&import=1' } });
  });

  it('is not repeated by later runs', async () => {
    await sweep();
    t.setNow('2026-11-30T02:00:00Z');
    await sweep();
    await sweep();
    expect(await calendarAlerts()).toHaveLength((await administrators()).length);
  });

  it('only administrators (who may write the calendar) are told', async () => {
    const agentInbox = (await get('/api/notifications', 'agent')).json() as NotificationPageAnswer;
    expect(agentInbox.items.filter((n) => n.kind === 'calendar_unconfirmed')).toEqual([]);
  });
});

let workingDays: Complaint;
let regulatory: Complaint;

describe('clocks counted through the provisional 2027', () => {
  it('a working-day clock skips New Year’s Day 2027 and says the calendar is not confirmed', async () => {
    t.setNow('2026-12-25T02:00:00Z');
    // received Fri 2026-12-25 09:30; l3_answer = 5 working days: Dec 28, 29, 30, 31, (Jan 1 off), Mon Jan 4
    workingDays = await register('2026-12-25T01:30:00Z', '13900001001');
    expect(clock(workingDays, 'l3_answer')).toMatchObject({ dueAt: '2027-01-04T09:30:00.000Z', calendarConfirmed: false });
    expect(workingDays.deadlines.calendarConfirmed).toBe(false);
  });

  it('a 15-day regulatory clock received 2026-12-20 runs into 2027 and is flagged', async () => {
    const c = await register('2026-12-20T01:30:00Z', '13900001002');
    // calendar days: day 15 = Mon 2027-01-04, a working day: due at its 24:00
    expect(clock(c, 'regulatory')).toMatchObject({ dueAt: '2027-01-04T16:00:00.000Z', calendarConfirmed: false });
  });

  it('a 15-day regulatory clock whose day 15 is New Year’s Day moves to the next working day', async () => {
    regulatory = await register('2026-12-17T01:30:00Z', '13900001003');
    // day 15 = Fri 2027-01-01 (statutory, not a working day) -> 24:00 of Mon 2027-01-04; was 24:00 of Jan 1
    expect(clock(regulatory, 'regulatory')).toMatchObject({ dueAt: '2027-01-04T16:00:00.000Z', calendarConfirmed: false });
  });

  it('GET /api/calendar/2027 shows the provisional year the clocks count with', async () => {
    const y = (await get('/api/calendar/2027')).json() as CalendarYearAnswer;
    expect(y).toMatchObject({ confirmed: false, provisional: true });
    const by = new Map(y.days.map((d) => [d.date, d]));
    expect(by.get('2027-01-01')).toMatchObject({ kind: 'holiday', working: false, statutory: true, name: '元旦' });
    expect(by.get('2027-02-05')).toMatchObject({ kind: 'holiday', working: false, statutory: true, name: '春节' });
    expect(by.get('2027-02-09')).toMatchObject({ kind: 'weekday', working: true, statutory: false });
  });
});

describe('importing the State Council notice re-plans the clocks counted through the provisional year', () => {
  // a notice with adjusted days: 春节 Feb 5–12 off, Sat Feb 13 worked; 元旦 Jan 1–3 off
  const notice = {
    days: [
      ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, kind: 'holiday', name: '元旦' })),
      ...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => ({ date: `2027-02-${d}`, kind: 'holiday', name: '春节' })),
      { date: '2027-02-13', kind: 'workday', name: '春节' },
    ],
  };
  let feb: Complaint;

  it('before: a clock through the Spring Festival counts the statutory days only', async () => {
    t.setNow('2027-02-03T02:00:00Z');
    // received Wed 2027-02-03 09:30: Feb 4, (Feb 5–8 statutory), Feb 9, 10, 11, 12
    feb = await register('2027-02-03T01:30:00Z', '13900001004');
    expect(clock(feb, 'l3_answer')).toMatchObject({ dueAt: '2027-02-12T09:30:00.000Z', calendarConfirmed: false });
    // 2027 is this year now and still unconfirmed: still pending (not swept here: the sweep would
    // mark the December clocks breached, and breached clocks keep their plan)
    expect(((await get('/api/calendar')).json() as CalendarOverviewAnswer).pending).toEqual([2027]);
  });

  it('after: the clock moves with the adjusted days and is confirmed; the others are confirmed', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/calendar/2027/import', payload: notice });
    expect(res.statusCode).toBe(200);
    expect((res.json() as CalendarImportedAnswer).replanned).toBeGreaterThanOrEqual(3);

    const after = await detail(feb.id);
    // Feb 4, (Feb 5–12 off), Sat Feb 13 worked, Mon 15, Tue 16, Wed 17
    expect(clock(after, 'l3_answer')).toMatchObject({ dueAt: '2027-02-17T09:30:00.000Z', calendarConfirmed: true });
    const events = ((await get(`/api/complaints/${feb.id}/events`)).json() as Events).items;
    const moved = events.filter((e) => e.type === 'clocks_replanned').flatMap((e) => e.payload.clocks);
    expect(moved.find((m) => m.kind === 'l3_answer')).toMatchObject({
      fromDueAt: '2027-02-12T09:30:00.000Z',
      toDueAt: '2027-02-17T09:30:00.000Z',
      calendarConfirmed: true,
    });

    expect(clock(await detail(regulatory.id), 'regulatory')).toMatchObject({ dueAt: '2027-01-04T16:00:00.000Z', calendarConfirmed: true });
    expect(clock(await detail(workingDays.id), 'l3_answer')).toMatchObject({ calendarConfirmed: true });
    expect(((await get('/api/calendar')).json() as CalendarOverviewAnswer).pending).toEqual([]);
    const y = (await get('/api/calendar/2027')).json() as CalendarYearAnswer;
    expect(y).toMatchObject({ confirmed: true, provisional: false });
  });
});
