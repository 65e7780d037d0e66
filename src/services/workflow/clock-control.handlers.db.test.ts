/**
 * Extensions and pauses through HTTP on real PostgreSQL (R-D1, R-A2): an approved investigation
 * extension moves the investigation clock to the right working day, bounded by the maximum; the
 * regulatory clock goes to 30 days with an approver and to 60 only with a senior manager; pausing
 * stops the regulatory, result and investigation clocks and resuming gives them the time that
 * remained. A level-1 complaint received Wed 2026-11-25 09:30 Shanghai.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFieldError } from '../../../test/db-assertions.js';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { z } from 'zod';
import type { PolicyVersionAnswer } from '../../http/schemas/administration.responses.js';
import type { errorResponse } from '../../http/schemas/common.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';
import type { StepClocks, Stored } from '../../domain/events/event-types.js';

type ErrorAnswer = z.output<typeof errorResponse>;

let t: TestApp;
let phone = 13900000100;
/** Shanghai wall time -> ISO instant */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

type Detail = ComplaintDetailAnswer;
type Event = ComplaintEventsAnswer['items'][number];

beforeAll(async () => {
  t = await createTestApp(sh('2026-11-25T10:00:00')); // Wed
});
afterAll(async () => t.close());

const act = (id: string, action: string, payload: Record<string, unknown>, as = 'agent') =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
const open = (d: Detail, kind: string) => d.clocks.find((k) => k.kind === kind && (k.status === 'running' || k.status === 'paused'));

async function ok(id: string, action: string, payload: Record<string, unknown>, as = 'agent'): Promise<Detail> {
  const res = await act(id, action, payload, as);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json<Detail>();
}

async function events(id: string): Promise<Event[]> {
  return (await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` }, 'agent')).json<ComplaintEventsAnswer>().items;
}

/** A level-1 complaint received Wed 09:30, investigation started at 10:00 (5 working days: Wed Dec 2 17:30). */
async function investigating(): Promise<Detail> {
  t.setNow(sh('2026-11-25T10:00:00'));
  phone += 1;
  const reg = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ amount: '150000', complainant: { name: '时限', phone: String(phone) } }),
    },
    'agent',
  );
  expect(reg.statusCode, reg.body).toBe(201);
  const c = reg.json<Detail>();
  const d = await ok(c.id, 'start-investigation', { plan: '调取档案' });
  expect(open(d, 'investigation')?.dueAt).toBe(sh('2026-12-02T17:30:00'));
  // 15 calendar days from Wed Nov 25: day 15 = Thu Dec 10, a working day: due at its end
  expect(open(d, 'regulatory')?.dueAt).toBe(sh('2026-12-11T00:00:00'));
  return d;
}

async function requestId(id: string): Promise<string> {
  const e = (await events(id)).filter((x) => x.type === 'request_extension').pop();
  return String(e?.payload.recordId);
}

describe('investigation extension (R-D1)', () => {
  it('an approved extension adds working days to the running clock from its own start', async () => {
    const c = await investigating();
    t.setNow(sh('2026-11-30T11:00:00'));
    expectFieldError(await act(c.id, 'request-extension', { days: 0, reason: '需外部鉴定' }), 400, 'days');
    expectFieldError(await act(c.id, 'request-extension', { days: 21, reason: '需外部鉴定' }), 400, 'days');
    expectFieldError(await act(c.id, 'request-extension', { days: 3 }), 400, 'reason');
    // 5 + 11 > 15: refused at once
    const tooMany = expectFieldError(await act(c.id, 'request-extension', { days: 11, reason: '需外部鉴定' }), 409, 'days');
    expect(tooMany.code).toBe('invalid_transition');

    await ok(c.id, 'request-extension', { days: 3, reason: '需调取第三方维修记录' });
    const rid = await requestId(c.id);
    const rec = await t.db
      .selectFrom('complaint_records')
      .select(['kind', 'status', 'data'])
      .where('id', '=', rid)
      .executeTakeFirstOrThrow();
    expect(rec).toMatchObject({
      kind: 'extension_request',
      status: 'pending',
      data: { days: 3, reason: '需调取第三方维修记录', requestedBy: 'agent' },
    });

    expect((await act(c.id, 'decide-extension', { requestId: rid, approved: true }, 'agent')).statusCode).toBe(403);
    t.setNow(sh('2026-11-30T14:00:00'));
    const d = await ok(c.id, 'decide-extension', { requestId: rid, approved: true, note: '同意' }, 'supervisor');
    // 8 working days after Wed Nov 25: ... Wed Dec 2 (5), Thu 3, Fri 4, Mon Dec 7 (8)
    expect(open(d, 'investigation')).toMatchObject({ status: 'running', dueAt: sh('2026-12-07T17:30:00') });
    const row = await t.db.selectFrom('complaints').select('investigation_days').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.investigation_days).toBe(8);
    expect((await t.db.selectFrom('complaint_records').select('status').where('id', '=', rid).executeTakeFirstOrThrow()).status).toBe(
      'approved',
    );
    const e = (await events(c.id)).pop();
    expect(e).toMatchObject({
      type: 'decide_extension',
      actor: 'supervisor',
      payload: { requestId: rid, approved: true, days: 3, investigationDays: 8 },
    });
    expect((e?.payload.clocks as Stored<StepClocks>).extended).toMatchObject([{ kind: 'investigation', dueAt: sh('2026-12-07T17:30:00') }]);

    // the same request cannot be decided twice; an unknown one is not found
    expectFieldError(await act(c.id, 'decide-extension', { requestId: rid, approved: true }, 'supervisor'), 409, 'requestId');
    expectFieldError(
      await act(c.id, 'decide-extension', { requestId: '00000000-0000-4000-8000-000000000000', approved: true }, 'supervisor'),
      404,
      'requestId',
    );
    expectFieldError(await act(c.id, 'decide-extension', { requestId: 'x', approved: true }, 'supervisor'), 400, 'requestId');
  });

  it('the decision refuses beyond the maximum; a rejection changes no clock', async () => {
    const c = await investigating();
    await ok(c.id, 'request-extension', { days: 6, reason: '第一次' });
    const first = await requestId(c.id);
    await ok(c.id, 'request-extension', { days: 5, reason: '第二次' });
    const second = await requestId(c.id);
    const d = await ok(c.id, 'decide-extension', { requestId: first, approved: true }, 'supervisor');
    // 11 working days: Mon Dec 7 (8), Tue 8, Wed 9, Thu Dec 10 (11)
    expect(open(d, 'investigation')?.dueAt).toBe(sh('2026-12-10T17:30:00'));
    const over = await act(c.id, 'decide-extension', { requestId: second, approved: true }, 'supervisor');
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'invalid_transition' });
    expect(over.json<ErrorAnswer>().message).toContain('上限');
    const rejected = await ok(c.id, 'decide-extension', { requestId: second, approved: false, note: '理由不足' }, 'supervisor');
    expect(open(rejected, 'investigation')?.dueAt).toBe(sh('2026-12-10T17:30:00'));
    expect((await t.db.selectFrom('complaint_records').select('status').where('id', '=', second).executeTakeFirstOrThrow()).status).toBe(
      'rejected',
    );
  });

  it('only while investigating', async () => {
    phone += 1;
    const c = (
      await t.inject(
        {
          method: 'POST',
          url: '/api/complaints',
          payload: complaintBody({ amount: '150000', complainant: { name: '未调查', phone: String(phone) } }),
        },
        'agent',
      )
    ).json<Detail>();
    const res = await act(c.id, 'request-extension', { days: 2, reason: 'x' });
    expect(res.statusCode).toBe(409);
  });
});

describe('regulatory extension (R-A2)', () => {
  it('30 days with an approver, reason and notice; 60 only with a senior manager', async () => {
    const c = await investigating();
    const body = { days: 30, reason: '案情复杂，需补充鉴定', noticeSentAt: sh('2026-11-30T09:00:00'), noticeMethod: 'sms' };
    t.setNow(sh('2026-11-30T10:00:00'));
    expect((await act(c.id, 'extend-regulatory', body, 'agent')).statusCode).toBe(403);
    expectFieldError(await act(c.id, 'extend-regulatory', { ...body, days: 45 }, 'supervisor'), 400, 'days');
    expectFieldError(await act(c.id, 'extend-regulatory', { ...body, noticeMethod: 'pigeon' }, 'supervisor'), 400, 'noticeMethod');
    expectFieldError(
      await act(c.id, 'extend-regulatory', { ...body, noticeSentAt: sh('2026-11-30T12:00:00') }, 'supervisor'),
      400,
      'noticeSentAt',
    );

    const d = await ok(c.id, 'extend-regulatory', body, 'supervisor');
    // day 30 after Wed Nov 25 = Fri Dec 25, a working day: due at its end
    expect(d.regulatoryDays).toBe(30);
    expect(open(d, 'regulatory')).toMatchObject({ status: 'running', dueAt: sh('2026-12-26T00:00:00') });
    const e = (await events(c.id)).pop();
    expect(e).toMatchObject({
      type: 'extend_regulatory',
      actor: 'supervisor',
      reason: '案情复杂，需补充鉴定',
      payload: {
        fromDays: 15,
        toDays: 30,
        approver: 'supervisor',
        seniorApproval: false,
        notice: { method: 'sms', sentAt: body.noticeSentAt },
      },
    });
    const rec = await t.db
      .selectFrom('complaint_records')
      .select('data')
      .where('id', '=', String(e?.payload.recordId))
      .executeTakeFirstOrThrow();
    expect(rec.data).toMatchObject({ reason: '案情复杂，需补充鉴定', approver: 'supervisor', toDays: 30 });

    // 30 again is no extension
    expect((await act(c.id, 'extend-regulatory', body, 'supervisor')).statusCode).toBe(409);
    // beyond 30: a senior manager only
    const denied = expectFieldError(await act(c.id, 'extend-regulatory', { ...body, days: 60 }, 'supervisor'), 403, 'days');
    expect(denied.code).toBe('forbidden');
    const senior = await ok(c.id, 'extend-regulatory', { ...body, days: 60, reason: '特别复杂，经高管批准' }, 'senior');
    // day 60 after Nov 25 = Sun 2027-01-24, a rest day: the end of the next working day, Mon Jan 25
    expect(senior.regulatoryDays).toBe(60);
    expect(open(senior, 'regulatory')?.dueAt).toBe(sh('2027-01-26T00:00:00'));
    expect((await events(c.id)).pop()).toMatchObject({
      actor: 'senior',
      payload: { fromDays: 30, toDays: 60, approver: 'senior', seniorApproval: true },
    });
    expect((await act(c.id, 'extend-regulatory', { ...body, days: 60 }, 'senior')).statusCode).toBe(409);

    // a new policy version re-plans open clocks but keeps this complaint's 60 days
    const policy = (await t.inject({ method: 'GET', url: '/api/policy' }, 'admin')).json<PolicyVersionAnswer>();
    policy.policy.clocks.l3_answer = { amount: 4, unit: 'working_days' };
    expect(
      (await t.inject({ method: 'PUT', url: '/api/policy', payload: { policy: policy.policy, reason: '调整' } }, 'admin')).statusCode,
    ).toBe(201);
    const after = (await t.inject({ method: 'GET', url: `/api/complaints/${c.id}` }, 'agent')).json<Detail>();
    expect(open(after, 'regulatory')?.dueAt).toBe(sh('2027-01-26T00:00:00'));
  });
});

describe('pausing the clocks (R-A2)', () => {
  it('pause stops the regulatory, result and investigation clocks; resume gives back the remaining time', async () => {
    const c = await investigating();
    t.setNow(sh('2026-11-30T10:00:00')); // Mon
    expect((await act(c.id, 'resume-clocks', {}, 'supervisor')).statusCode).toBe(409);
    expectFieldError(await act(c.id, 'pause-clocks', { reason: 'lunch' }, 'supervisor'), 400, 'reason');
    expect((await act(c.id, 'pause-clocks', { reason: 'mediation' }, 'agent')).statusCode).toBe(403);

    const p = await ok(c.id, 'pause-clocks', { reason: 'mediation', note: '进入调解' }, 'supervisor');
    for (const kind of ['regulatory', 'l1_result', 'investigation'])
      expect(open(p, kind), kind).toMatchObject({ status: 'paused', dueAt: null });
    expect(open(p, 'progress_report')?.status).toBe('running');
    const paused = await t.db
      .selectFrom('complaint_clocks')
      .select(['kind', 'pauses', 'next_check_at'])
      .where('complaint_id', '=', c.id)
      .where('status', '=', 'paused')
      .execute();
    expect(paused).toHaveLength(3);
    for (const k of paused)
      expect(k).toMatchObject({ next_check_at: null, pauses: [{ from: sh('2026-11-30T10:00:00'), to: null, reason: 'mediation' }] });
    const pe = (await events(c.id)).pop();
    expect(pe).toMatchObject({ type: 'pause_clocks', reason: 'mediation', payload: { reason: 'mediation', note: '进入调解' } });
    expect((pe?.payload.clocks as Stored<StepClocks>).paused?.map((k) => k.kind).sort()).toEqual([
      'investigation',
      'l1_result',
      'regulatory',
    ]);

    const again = await act(c.id, 'pause-clocks', { reason: 'appraisal' }, 'supervisor');
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorAnswer>().message).toContain('已暂停');

    t.setNow(sh('2026-12-04T15:00:00')); // Fri
    const r = await ok(c.id, 'resume-clocks', { note: '调解未成' }, 'supervisor');
    // regulatory: Nov 26–29 used (4 days), 11 remain from Fri Dec 4: Tue Dec 15, due at its end
    expect(open(r, 'regulatory')).toMatchObject({ status: 'running', dueAt: sh('2026-12-16T00:00:00') });
    // l1_result: Thu 26 and Fri 27 used (2 of 10), 8 remain from Fri Dec 4: Mon 7 … Wed Dec 16
    expect(open(r, 'l1_result')).toMatchObject({ status: 'running', dueAt: sh('2026-12-16T17:30:00') });
    // investigation: 2 of 5 used, 3 remain: Mon 7, Tue 8, Wed Dec 9
    expect(open(r, 'investigation')).toMatchObject({ status: 'running', dueAt: sh('2026-12-09T17:30:00') });
    const reg = await t.db
      .selectFrom('complaint_clocks')
      .select(['pauses', 'next_check_at', 'warn_at'])
      .where('complaint_id', '=', c.id)
      .where('kind', '=', 'regulatory')
      .executeTakeFirstOrThrow();
    expect(reg.pauses).toEqual([{ from: sh('2026-11-30T10:00:00'), to: sh('2026-12-04T15:00:00'), reason: 'mediation' }]);
    // the sweeper looks next at the first warning (50% of received -> new due)
    const start = Date.parse('2026-11-25T01:30:00Z');
    expect(reg.next_check_at?.toISOString()).toBe(
      new Date(start + Math.round((Date.parse(sh('2026-12-16T00:00:00')) - start) * 0.5)).toISOString(),
    );
    const re = (await events(c.id)).pop();
    expect((re?.payload.clocks as Stored<StepClocks>).resumed).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'regulatory', dueAt: sh('2026-12-16T00:00:00') })]),
    );
    expect((await act(c.id, 'resume-clocks', {}, 'supervisor')).statusCode).toBe(409);
  });

  it('an extension while paused keeps the clock paused; resuming counts the extended limit', async () => {
    const c = await investigating();
    t.setNow(sh('2026-11-30T10:00:00'));
    await ok(c.id, 'pause-clocks', { reason: 'appraisal' }, 'supervisor');
    const ext = await ok(
      c.id,
      'extend-regulatory',
      { days: 30, reason: '鉴定', noticeSentAt: sh('2026-11-30T09:00:00'), noticeMethod: 'letter' },
      'supervisor',
    );
    expect(open(ext, 'regulatory')).toMatchObject({ status: 'paused', dueAt: null });
    t.setNow(sh('2026-12-04T15:00:00'));
    const r = await ok(c.id, 'resume-clocks', {}, 'supervisor');
    // 4 days used, 26 remain from Fri Dec 4: Wed Dec 30, a working day
    expect(open(r, 'regulatory')?.dueAt).toBe(sh('2026-12-31T00:00:00'));
  });
});
