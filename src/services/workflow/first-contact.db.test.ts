/**
 * The first contact (#9 item 7, R-B2, R-B3), through HTTP on real PostgreSQL: the acknowledgment of
 * a letter, the first reply to a web complaint and the initial response to an urgent hotline
 * complaint are met by `record_contact`, without answering the complaint (status and answer clocks
 * unchanged); before, only the final answer (send_feedback) met them, so every such complaint went
 * overdue after one working day (or 30 minutes) although the agent had contacted the customer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError } from '../../../test/db-assertions.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';
import type { StepClocks, Stored } from '../../domain/events/event-types.js';

let t: TestApp;
let phone = 13950000000;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // Wed 10:00 Shanghai
});
afterAll(async () => t.close());

type Detail = ComplaintDetailAnswer;

async function register(overrides: Record<string, unknown>): Promise<Detail> {
  phone += 1;
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ complainant: { name: '联系', phone: String(phone) }, ...overrides }),
    },
    'agent',
  );
  expect(res.statusCode, res.body).toBe(201);
  return view(res.json<ComplaintDetailAnswer>().id);
}

async function view(id: string): Promise<Detail> {
  const res = await t.inject({ method: 'GET', url: `/api/complaints/${id}` }, 'agent');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
}

const contact = (id: string, payload: Record<string, unknown>, as = 'agent') =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/record-contact`, payload }, as);
const clock = (d: Detail, kind: string) => d.clocks.find((c) => c.kind === kind);

describe('recording the first contact meets the first-contact clock (R-B2, R-B3)', () => {
  it.each([
    ['an urgent hotline complaint: initial response', { urgent: true }, 'urgent_initial_response', 'phone'],
    ['a letter: acknowledgment naming the number and the answer time', { channel: 'letter' }, 'acknowledgment', 'letter'],
    ['a web complaint: first reply from an agent', { channel: 'web' }, 'online_first_reply', 'online'],
  ])('%s', async (_name, overrides, kind, method) => {
    const before = await register(overrides);
    expect(clock(before, kind)?.status).toBe('running');
    expect(before.allowedActions).toContain('record_contact');
    const answerClocks = before.clocks.filter((c) => c.kind === 'regulatory' || /_result$|_answer$/.test(c.kind));

    t.setNow('2026-11-25T02:10:00Z');
    const res = await contact(before.id, { method, summary: '已告知投诉编号及预计答复时间' });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<Detail>();
    expect(clock(after, kind)).toMatchObject({ status: 'met', metAt: '2026-11-25T02:10:00.000Z' });
    // not an answer: the status and the answer clocks stay as they were
    expect(after.status).toBe(before.status);
    for (const c of answerClocks) expect(clock(after, c.kind)?.status, c.kind).toBe('running');
    expect(after.allowedActions).not.toContain('record_contact');
    // a second contact is refused by the table: no first-contact clock runs any more
    const again = await contact(before.id, { method, summary: '再次联系' });
    expect(again.statusCode, again.body).toBe(409);

    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${before.id}/events` }, 'agent')).json<ComplaintEventsAnswer>()
      .items;
    const e = events.find((x) => x.type === 'record_contact');
    expect(e?.payload).toMatchObject({ method, summary: '已告知投诉编号及预计答复时间', contactedAt: '2026-11-25T02:10:00.000Z' });
    expect((e?.payload.clocks as Stored<StepClocks>).met.length).toBeGreaterThan(0);
    t.setNow('2026-11-25T02:00:00Z');
  });

  it('a hotline complaint that is not urgent has no first contact to record', async () => {
    const d = await register({});
    expect(d.allowedActions).not.toContain('record_contact');
    expect((await contact(d.id, { method: 'phone', summary: '已联系' })).statusCode).toBe(409);
  });

  it('a contact time given is kept; one in the future, a bad method or no summary is a 400 naming the field', async () => {
    const d = await register({ channel: 'email' });
    expectFieldError(await contact(d.id, { method: 'carrier_pigeon', summary: '已联系' }), 400, 'method');
    expectFieldError(await contact(d.id, { method: 'email', summary: '  ' }), 400, 'summary');
    expectFieldError(await contact(d.id, { method: 'email', summary: '已联系', contactedAt: '0001-01-01T00:00:00Z' }), 400, 'contactedAt');
    expectFieldError(await contact(d.id, { method: 'email', summary: '已联系', contactedAt: '2026-11-26T00:00:00Z' }), 400, 'contactedAt');
    expect(clock(await view(d.id), 'acknowledgment')?.status).toBe('running');
    const ok = await contact(d.id, { method: 'email', summary: '已回复邮件告知编号', contactedAt: '2026-11-25T01:45:00+00:00' });
    expect(ok.statusCode, ok.body).toBe(200);
    const record = await t.db
      .selectFrom('complaint_records')
      .select(['kind', 'data'])
      .where('complaint_id', '=', d.id)
      .where('kind', '=', 'contact')
      .executeTakeFirstOrThrow();
    expect(record.data).toMatchObject({ method: 'email', contactedAt: '2026-11-25T01:45:00.000Z' });
  });

  it('a department handler (no complaint.feedback) may not record it', async () => {
    const d = await register({ channel: 'app' });
    const res = await contact(d.id, { method: 'online', summary: '已联系' }, 'handler');
    expect(res.statusCode).toBe(403);
    expect(clock(await view(d.id), 'online_first_reply')?.status).toBe('running');
  });
});
