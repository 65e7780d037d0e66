/**
 * Rectification requests on real PostgreSQL with injected time (#14 item 1, R-E4): the deadline is
 * ten working days (the policy's supervision section, the one deadline function); the clock sweep
 * warns the addressee, marks the breach at the due time, and escalates to the supervision
 * department and then the leadership group; only the addressee (or the addressed department)
 * answers; a rejected answer reopens the request with a new deadline; only the inspector closes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { sweepClocksAndCalendar } from '../../jobs/clock-sweeper.job.js';
import type { RectificationDetailAnswer } from '../../http/schemas/inspection.schemas.js';
import type { NotificationPageAnswer } from '../../http/schemas/notification.responses.js';

let t: TestApp;
const T0 = '2026-11-25T02:00:00.000Z'; // Wed 10:00 Shanghai
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestApp(T0);
});
afterAll(async () => t.close());

async function notices(user: string, requestId: string) {
  const res = await t.inject({ method: 'GET', url: '/api/notifications?limit=200' }, user);
  expect(res.statusCode).toBe(200);
  return res
    .json<NotificationPageAnswer>()
    .items.filter((n) => n.body.requestId === requestId)
    .map((n) => `${String(n.body.event)}${n.body.step !== undefined ? `:${String(n.body.step)}` : ''}`)
    .reverse();
}

async function sweepAt(at: Date) {
  t.setNow(at);
  return sweepClocksAndCalendar(t.ctx, {});
}

async function request(id: string, as = 'inspector') {
  return (await t.inject({ method: 'GET', url: `/api/inspections/rectifications/${id}` }, as)).json<RectificationDetailAnswer>();
}

describe('R-E4 rectification request on the clock', () => {
  let r: RectificationDetailAnswer;
  let due: Date;

  it('is issued to the claims department and its handler, due in 10 working days', async () => {
    const claims = await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow();
    const res = await t.inject(
      {
        method: 'POST',
        url: '/api/inspections/rectifications',
        payload: { departmentId: claims.id, addressee: 'handler', text: '理赔投诉回访记录不完整，请补全并完善回访流程' },
      },
      'inspector',
    );
    expect(res.statusCode, res.body).toBe(201);
    r = res.json<RectificationDetailAnswer>();
    expect(r.status).toBe('open');
    expect(r.workingDays).toBe(10);
    // Wed 25 Nov + 10 working days = the end of Wed 9 Dec (17:30 Shanghai)
    expect(r.dueAt).toBe('2026-12-09T09:30:00.000Z');
    expect(r.firstDueAt).toBe(r.dueAt);
    due = new Date(r.dueAt!);
    expect(await notices('handler', r.id)).toEqual(['issued']);
  });

  it('R-E4: warns the addressee before the deadline', async () => {
    const row = await t.db
      .selectFrom('rectification_requests')
      .select(['warn_at', 'next_check_at'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.warn_at.length).toBeGreaterThan(0);
    const counts = await sweepAt(new Date(new Date(row.warn_at[0]!).getTime() + MINUTE));
    expect(counts.warnings).toBeGreaterThanOrEqual(1);
    expect(await notices('handler', r.id)).toEqual(['issued', 'warning']);
    expect((await request(r.id)).overdue).toBe(false);
  });

  it('R-E4: breaches at the due time and tells the addressee (step 0)', async () => {
    const counts = await sweepAt(new Date(due.getTime() + MINUTE));
    expect(counts.breaches).toBeGreaterThanOrEqual(1);
    const now = await request(r.id);
    expect(now.clockStatus).toBe('breached');
    expect(now.breachedAt).toBe(due.toISOString());
    expect(now.overdue).toBe(true);
    expect(await notices('handler', r.id)).toContain('breached:0');
    expect(await notices('inspector', r.id)).toEqual([]);
  });

  it('R-E4: escalates to the supervision department after a day, then to the leadership group', async () => {
    await sweepAt(new Date(due.getTime() + 1440 * MINUTE + MINUTE));
    expect(await notices('inspector', r.id)).toEqual(['escalated:1']);
    expect(await notices('leader', r.id)).toEqual([]);
    await sweepAt(new Date(due.getTime() + 4320 * MINUTE + MINUTE));
    expect(await notices('leader', r.id)).toEqual(['escalated:2']);
    const again = await sweepAt(new Date(due.getTime() + 5000 * MINUTE));
    expect(again.escalations).toBe(0);
    const events = (await request(r.id)).events.map((e) => `${e.type}${typeof e.details.step === 'number' ? `:${e.details.step}` : ''}`);
    expect(events.filter((e) => e !== 'warning')).toEqual(['issued', 'breached', 'escalated:0', 'escalated:1', 'escalated:2']);
    expect(events.filter((e) => e === 'warning').length).toBeGreaterThanOrEqual(1);
  });

  it('R-E4: only the addressee or the addressed department answers; the inspector rejects with a new deadline', async () => {
    const byOther = await t.inject(
      { method: 'POST', url: `/api/inspections/rectifications/${r.id}/answer`, payload: { answer: '已整改' } },
      'agent',
    );
    expect(byOther.statusCode).toBe(403);
    const answered = await t.inject(
      { method: 'POST', url: `/api/inspections/rectifications/${r.id}/answer`, payload: { answer: '已补录回访记录' } },
      'handler',
    );
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<RectificationDetailAnswer>().status).toBe('answered');
    expect(
      (
        await t.inject(
          { method: 'POST', url: `/api/inspections/rectifications/${r.id}/verify`, payload: { accepted: true, note: 'ok' } },
          'handler',
        )
      ).statusCode,
    ).toBe(403);
    const rejected = await t.inject(
      {
        method: 'POST',
        url: `/api/inspections/rectifications/${r.id}/verify`,
        payload: { accepted: false, note: '流程未完善，仅补录了记录' },
      },
      'inspector',
    );
    expect(rejected.statusCode, rejected.body).toBe(200);
    const back = rejected.json<RectificationDetailAnswer>();
    expect(back.status).toBe('open');
    expect(back.rounds).toBe(2);
    expect(back.clockStatus).toBe('running');
    expect(new Date(back.dueAt!).getTime()).toBeGreaterThan(t.now().getTime());
    expect(back.firstDueAt).toBe(due.toISOString());
    expect(back.overdue).toBe(false);
  });

  it('R-E4: closed only when the inspector verifies', async () => {
    const a = await t.inject(
      { method: 'POST', url: `/api/inspections/rectifications/${r.id}/answer`, payload: { answer: '已修订回访制度并培训' } },
      'handler',
    );
    expect(a.statusCode, a.body).toBe(200);
    const v = await t.inject(
      { method: 'POST', url: `/api/inspections/rectifications/${r.id}/verify`, payload: { accepted: true, note: '已核实' } },
      'inspector',
    );
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json<RectificationDetailAnswer>().status).toBe('verified');
    const twice = await t.inject(
      { method: 'POST', url: `/api/inspections/rectifications/${r.id}/verify`, payload: { accepted: true, note: '再次' } },
      'inspector',
    );
    expect(twice.statusCode).toBe(409);
    const mine = await t.inject({ method: 'GET', url: '/api/inspections/mine' }, 'handler');
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ requests: Array<{ id: string; status: string }> }>().requests.find((x) => x.id === r.id)?.status).toBe('verified');
    expect((await t.inject({ method: 'GET', url: '/api/inspections/mine' }, 'agent')).json<{ requests: unknown[] }>().requests).toEqual([]);
  });
});
