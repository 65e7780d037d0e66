/**
 * Complaints about complaint handling (R-E5, #14 item 2): a complaint about how TS… was handled
 * reaches the supervision department, linked both ways, on its own clocks; nobody who handled the
 * original may take it (409); its findings reopen the original, recorded on both chains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';
import type { NotificationPageAnswer } from '../../http/schemas/notification.responses.js';
import { registerFromChannel } from './channel-intake.service.js';

type Detail = ComplaintDetailAnswer;
let t: TestApp;
let supervisionId: string;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  supervisionId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'SUPERVISION').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

async function act(id: string, action: string, payload: Record<string, unknown>, as: string, expected = 200) {
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
  expect(res.statusCode, `${action} as ${as}: ${res.body}`).toBe(expected);
  return res;
}
const detail = async (id: string, as = 'inspector') => (await t.inject({ method: 'GET', url: `/api/complaints/${id}` }, as)).json<Detail>();
const events = async (id: string) =>
  (await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` }, 'inspector')).json<ComplaintEventsAnswer>().items;

/** A complaint the agent registered, answered and closed with a satisfied customer. */
async function closedOriginal(phone: string): Promise<Detail> {
  const reg = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '钱七', phone } }) },
    'agent',
  );
  expect(reg.statusCode, reg.body).toBe(201);
  const c = reg.json<Detail>();
  await act(c.id, 'grade', { level: c.level }, 'agent');
  await act(c.id, 'send-feedback', { method: 'phone', content: '解释定损依据' }, 'agent');
  await act(c.id, 'record-survey', { satisfied: true, score: 4, method: 'phone' }, 'agent');
  await act(c.id, 'close', { outcome: 'not_upheld', summary: '定损无误' }, 'agent');
  return detail(c.id);
}

describe('a complaint about complaint handling (R-E5)', () => {
  it('reaches the supervision department, linked both ways, on its own clocks; the original handler cannot take it; its findings reopen the original', async () => {
    const original = await closedOriginal('13800000401');
    expect(original).toMatchObject({ status: 'closed', assignee: 'agent', round: 1 });

    t.setNow('2026-11-26T02:00:00Z');
    const reg = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints',
        payload: complaintBody({
          description: '客服处理我的投诉时敷衍了事，未核实维修发票',
          receivedAt: '2026-11-26T01:50:00Z',
          aboutComplaint: original.number,
          complainant: { name: '钱七', phone: '13800000401' },
        }),
      },
      'agent',
    );
    expect(reg.statusCode, reg.body).toBe(201);
    const h = reg.json<Detail>();
    // the supervision department, nobody handling it yet (the registrant handled the original)
    expect(h).toMatchObject({ departmentIds: [supervisionId], assignee: null, tracker: null, round: 1, status: 'registered' });
    expect(h.related).toEqual([expect.objectContaining({ id: original.id, number: original.number, kind: 'about_handling' })]);
    // its own clocks, from its own receipt
    expect(h.clocks.find((k) => k.kind === 'regulatory')).toMatchObject({ status: 'running', startedAt: '2026-11-26T01:50:00.000Z' });
    const back = await detail(original.id, 'agent');
    expect(back.related).toEqual([expect.objectContaining({ id: h.id, number: h.number, kind: 'handling_complaint' })]);
    for (const id of [h.id, original.id]) {
      expect((await events(id)).find((e) => e.type === 'handling_complaint_linked')?.payload).toMatchObject({
        handling: { id: h.id, number: h.number },
        original: { id: original.id, number: original.number },
      });
    }
    const inbox = (await t.inject({ method: 'GET', url: '/api/notifications?limit=100' }, 'inspector')).json<NotificationPageAnswer>();
    expect(inbox.items.some((n) => n.kind === 'handling_complaint' && n.body.number === h.number)).toBe(true);

    // whoever handled the original cannot take it: 409 with the reason
    const refused = await act(h.id, 'assign', { assignee: 'agent' }, 'inspector', 409);
    expect(refused.json()).toMatchObject({ code: 'handler_of_original', message: expect.stringContaining(original.number) });
    await act(h.id, 'assign', { assignee: 'inspector', tracker: 'agent' }, 'inspector', 409);
    const taken = (await act(h.id, 'assign', { assignee: 'inspector' }, 'inspector')).json<Detail>();
    expect(taken).toMatchObject({ assignee: 'inspector', tracker: 'inspector' });

    // the findings reopen the original: a new round there, recorded on both chains
    t.setNow('2026-11-27T02:00:00Z');
    await act(h.id, 'start-investigation', {}, 'inspector');
    const found = (
      await act(
        h.id,
        'record-findings',
        {
          findings: '原处理未核实发票，需重新处理',
          conclusion: 'upheld',
          reopenOriginal: true,
          rectification: { text: '完善定损争议的发票核实流程' },
        },
        'inspector',
      )
    ).json<Detail>();
    expect(found.status).toBe('resolving');
    const reopened = await detail(original.id);
    expect(reopened).toMatchObject({ status: 'assigned', round: 2, closedAt: null });
    const reopen = (await events(original.id)).find((e) => e.type === 'reopen');
    expect(reopen).toMatchObject({ actor: 'inspector', payload: { handlingComplaint: { id: h.id, number: h.number }, round: 2 } });
    const findings = (await events(h.id)).find((e) => e.type === 'record_findings');
    expect(findings?.payload).toMatchObject({ reopenedOriginal: { id: original.id, number: original.number, round: 2 } });
    // and raise a rectification request about the original, to its department, on its own clock (R-E4)
    const requests = await t.db
      .selectFrom('rectification_requests')
      .select(['id', 'complaint_id', 'department_id', 'status', 'created_by'])
      .where('complaint_id', '=', original.id)
      .execute();
    expect(requests).toEqual([
      expect.objectContaining({
        complaint_id: original.id,
        department_id: original.departmentIds[0],
        status: 'open',
        created_by: 'inspector',
      }),
    ]);
    expect(findings?.payload).toMatchObject({ rectificationRequestId: requests[0]!.id });

    // a complaint not about handling has no original to reopen
    const plain = (
      await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ receivedAt: '2026-11-27T01:00:00Z' }) }, 'agent')
    ).json<Detail>();
    await act(plain.id, 'start-investigation', {}, 'agent');
    const none = await act(plain.id, 'record-findings', { findings: 'x', conclusion: 'upheld', reopenOriginal: true }, 'agent', 400);
    expect(none.json()).toMatchObject({ fields: [expect.objectContaining({ field: 'reopenOriginal', code: 'not_about_handling' })] });
  });

  it('an unknown original is refused; by the portal or e-mail only the complainant’s own complaint', async () => {
    const unknown = await t.inject(
      { method: 'POST', url: '/api/complaints', payload: complaintBody({ aboutComplaint: 'TS209901010001' }) },
      'agent',
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ fields: [expect.objectContaining({ field: 'aboutComplaint' })] });

    const original = await closedOriginal('13800000402');
    const input = {
      channel: 'web',
      businessLine: 'property_casualty',
      category: 'claims_dispute',
      description: '对投诉处理结果不满',
      urgent: false,
      riskFlags: [],
      jointComplainants: 1,
      aboutComplaint: original.number,
    };
    await expect(
      registerFromChannel(t.ctx, {
        input: { ...input, complainant: { name: '他人', phone: '13999999999' } },
        files: [],
        by: 'portal',
        aboutOwnComplaint: true,
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ field: 'aboutComplaint', code: 'about_complaint_other_complainant' })] });
    const own = await registerFromChannel(t.ctx, {
      input: { ...input, complainant: { name: '钱七', phone: '13800000402' } },
      files: [],
      by: 'portal',
      aboutOwnComplaint: true,
    });
    expect((await detail(own.complaintId)).related).toEqual([expect.objectContaining({ number: original.number, kind: 'about_handling' })]);
  });

  it('staff set the link afterwards: linked both ways, moved to the supervision department, the original handler taken off it', async () => {
    const original = await closedOriginal('13800000403');
    // registered by the agent as a plain complaint (the agent handled the original)
    const reg = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints',
        payload: complaintBody({ category: 'premiums_fees', complainant: { name: '孙九', phone: '13800000403' } }),
      },
      'agent',
    );
    expect(reg.statusCode, reg.body).toBe(201);
    const c = reg.json<Detail>();
    expect(c).toMatchObject({ assignee: 'agent', tracker: 'agent' });
    const res = await t.inject(
      { method: 'POST', url: `/api/complaints/${c.id}/about-handling`, payload: { aboutComplaint: original.number } },
      'supervisor',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>()).toMatchObject({ departmentIds: [supervisionId, c.departmentIds[0]], assignee: null, tracker: null });
    expect((await detail(original.id)).related).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: c.id, kind: 'handling_complaint' })]),
    );
    const again = await t.inject(
      { method: 'POST', url: `/api/complaints/${c.id}/about-handling`, payload: { aboutComplaint: original.number } },
      'supervisor',
    );
    expect(again.statusCode).toBe(409);
  });
});
