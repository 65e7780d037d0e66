/**
 * Tracking with a code (#12 item 1, R-G3, R-H3, R-D4) through the real app on real PostgreSQL: the
 * customer's view (stages, labels in words, the thread of what they wrote and were sent, nothing
 * internal), adding information with a file, and the satisfaction survey recorded as the workflow's
 * record_survey with method 'online' (409 while none is open, and once answered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { formPayload, PDF, portalToken, postForm } from '../../../test/portal-support.js';
import { dispatchOutboxRow } from '../../services/channels/outbox-dispatch.service.js';
import { sendMessage } from '../../services/channels/message-send.service.js';
import { buildTransports } from '../../services/channels/transports/index.js';

let t: TestApp;
const IP = '10.3.0.1';
const PHONE = '13812347001';
let number = '';
let complaintId = '';
let token = '';

type ErrorBody = { code: string; fields: Array<{ field: string; code: string }> };
interface View {
  number: string;
  status: string;
  statusLabel: string;
  businessLineLabel: string;
  categoryLabel: string;
  stages: Array<{ stage: string; label: string; done: boolean }>;
  thread: Array<{
    id: string;
    direction: string;
    channel: string;
    at: string;
    text: string;
    files: Array<{ id: string; name: string; size: number }>;
  }>;
  survey: { open: boolean; answered: boolean };
  canAddInformation: boolean;
}

/** Hands the complaint's outbox rows to their channels and sends what they planned (the job runner's work). */
async function deliverComplaintMessages(): Promise<void> {
  const rows = await t.db.selectFrom('outbox').select('id').where('dispatched_at', 'is', null).execute();
  for (const r of rows) await dispatchOutboxRow(t.ctx, String(r.id));
  const queued = await t.db
    .selectFrom('messages')
    .select('id')
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'queued')
    .execute();
  for (const m of queued) await sendMessage(t.ctx, buildTransports(t.ctx), m.id, { last: false });
}

const view = (lang?: string, bearer = token, n = number) =>
  t.app.inject({
    method: 'GET',
    url: `/api/public/complaints/${n}`,
    remoteAddress: IP,
    headers: { authorization: `Bearer ${bearer}`, ...(lang ? { 'accept-language': lang } : {}) },
  });
const survey = (payload: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/complaints/${number}/survey`,
    payload,
    remoteAddress: IP,
    headers: { authorization: `Bearer ${token}` },
  });

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  const submitToken = await portalToken(t.app, t.ctx, { purpose: 'submit', contact: PHONE }, IP, PHONE);
  const form = await formPayload({
    complaint: JSON.stringify({
      channel: 'web',
      name: '孙八',
      businessLine: 'property_casualty',
      category: 'claims_dispute',
      description: '理赔款迟迟未到账。',
    }),
  });
  const res = await postForm(t.app, '/api/public/complaints', form, IP, { authorization: `Bearer ${submitToken}` });
  expect(res.statusCode, res.body).toBe(201);
  number = res.json<{ number: string }>().number;
  complaintId = (await t.db.selectFrom('complaints').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
  await deliverComplaintMessages();
  t.setNow('2026-11-25T02:20:00Z');
  // later, the customer comes back with a tracking code
  token = await portalToken(t.app, t.ctx, { purpose: 'track', number, contact: PHONE }, IP, PHONE);
});
afterAll(async () => t.close());

describe('GET /api/public/complaints/{number} (R-G3)', () => {
  it('shows the progress, the labels in words and the acknowledgment sent; nothing personal or internal', async () => {
    const res = await view();
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<View>();
    expect(Object.keys(v).sort()).toEqual([
      'businessLineLabel',
      'canAddInformation',
      'categoryLabel',
      'finished',
      'number',
      'receivedAt',
      'regulatoryDueAt',
      'stages',
      'status',
      'statusLabel',
      'survey',
      'thread',
      'updatedAt',
    ]);
    expect(v).toMatchObject({
      number,
      status: 'registered',
      statusLabel: '已受理',
      businessLineLabel: '财产保险',
      categoryLabel: '理赔纠纷',
      survey: { open: false, answered: false },
      canAddInformation: true,
    });
    expect(v.thread).toEqual([expect.objectContaining({ direction: 'outbound', channel: 'sms', files: [] })]);
    expect(v.thread[0]?.text).toContain(`您的投诉已受理，编号 ${number}`);
    expect(JSON.stringify(v)).not.toContain(PHONE);
    // no name, no handler, no registrant
    expect(JSON.stringify(v)).not.toContain('孙八');
    expect(JSON.stringify(v)).not.toMatch(/"(assignee|tracker|createdBy|level|by)"/);

    const en = (await view('en')).json<View>();
    expect(en).toMatchObject({
      statusLabel: 'Received',
      businessLineLabel: 'Property & casualty insurance',
      categoryLabel: 'Claims dispute',
    });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'public.view').orderBy('id').execute();
    expect(audit.at(-1)).toMatchObject({ outcome: 'success', target_id: number, actor: 'public' });
  });

  it('a session for another complaint, an unknown number or none: the same 401', async () => {
    const other = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints',
        payload: {
          channel: 'hotline',
          businessLine: 'property_casualty',
          category: 'claims_dispute',
          description: '另一件投诉',
          complainant: { name: '周九', phone: PHONE },
        },
      },
      'agent',
    );
    expect(other.statusCode, other.body).toBe(201);
    const answers = await Promise.all([
      view(undefined, token, other.json<{ number: string }>().number),
      view(undefined, token, 'TS209901010001'),
      view(undefined, 'nope'),
    ]);
    for (const r of answers) {
      expect(r.statusCode).toBe(401);
      expect(r.json<ErrorBody>().code).toBe('portal_session_required');
    }
    t.setNow('2026-11-25T02:50:01Z');
    expect((await view()).statusCode).toBe(401);
    t.setNow('2026-11-25T02:20:00Z');
  });
});

describe('POST /api/public/complaints/{number}/messages (R-B4)', () => {
  it('adds the customer’s information with a file to the complaint’s correspondence', async () => {
    const form = await formPayload({ text: '补充：维修发票见附件。' }, [PDF]);
    const res = await postForm(t.app, `/api/public/complaints/${number}/messages`, form, IP, { authorization: `Bearer ${token}` });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json<{ id: string }>();
    const record = await t.db.selectFrom('complaint_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ kind: 'correspondence', created_by: 'portal' });
    expect(record.data).toMatchObject({ channel: 'portal', text: '补充：维修发票见附件。' });
    const events = await t.db.selectFrom('complaint_events').select(['type', 'actor']).where('complaint_id', '=', complaintId).execute();
    expect(events).toContainEqual({ type: 'correspondence_received', actor: 'portal' });

    const v = (await view()).json<View>();
    const added = v.thread.find((i) => i.id === id);
    expect(added).toMatchObject({ direction: 'inbound', channel: 'portal', text: '补充：维修发票见附件。' });
    expect(added?.files).toEqual([{ id: expect.any(String), name: '保单.pdf', size: PDF.bytes.length }]);
  });

  it('nothing to add is a 400 on text; a wrong session a 401', async () => {
    const empty = await postForm(t.app, `/api/public/complaints/${number}/messages`, await formPayload({ text: '  ' }), IP, {
      authorization: `Bearer ${token}`,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ErrorBody>().fields).toEqual([expect.objectContaining({ field: 'text', code: 'required' })]);
    const none = await postForm(t.app, `/api/public/complaints/${number}/messages`, await formPayload({ text: 'x' }), IP);
    expect(none.statusCode).toBe(401);
  });
});

describe('POST /api/public/complaints/{number}/survey (R-D4)', () => {
  it('409 while no survey is open; once the result was sent, recorded as record_survey (online, by portal), then closed again', async () => {
    const early = await survey({ satisfied: true, score: 5 });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().code).toBe('survey_not_open');

    // the handler answers by SMS (a level-3 complaint may be answered straight away)
    const fb = await t.inject({
      method: 'POST',
      url: `/api/complaints/${complaintId}/send-feedback`,
      payload: { method: 'sms', content: '经核实，理赔款已于今日支付。', solvedOnTheSpot: true },
    });
    expect(fb.statusCode, fb.body).toBe(200);
    await deliverComplaintMessages();
    const open = (await view()).json<View>();
    expect(open.survey).toEqual({ open: true, answered: false });
    expect(open.thread).toContainEqual(
      expect.objectContaining({ direction: 'outbound', channel: 'sms', text: expect.stringContaining('经核实，理赔款已于今日支付。') }),
    );

    const bad = await survey({ satisfied: true, score: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().fields[0]?.field).toBe('score');

    const res = await survey({ satisfied: false, score: 2, comment: '到账太慢' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const record = await t.db
      .selectFrom('complaint_records')
      .selectAll()
      .where('complaint_id', '=', complaintId)
      .where('kind', '=', 'survey')
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ created_by: 'portal', data: { satisfied: false, score: 2, method: 'online', comment: '到账太慢' } });
    const events = await t.db
      .selectFrom('complaint_events')
      .select(['type', 'actor', 'payload'])
      .where('complaint_id', '=', complaintId)
      .where('type', '=', 'record_survey')
      .execute();
    expect(events).toEqual([
      expect.objectContaining({ actor: 'portal', payload: expect.objectContaining({ method: 'online', satisfied: false }) }),
    ]);
    // a dissatisfied customer is a tracked exception, like a survey by phone
    const exceptions = await t.db.selectFrom('complaint_exceptions').select('kind').where('complaint_id', '=', complaintId).execute();
    expect(exceptions).toContainEqual({ kind: 'dissatisfied' });

    expect((await view()).json<View>().survey).toEqual({ open: false, answered: true });
    const twice = await survey({ satisfied: true, score: 5 });
    expect(twice.statusCode).toBe(409);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'public.survey')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.outcome)).toEqual(['failure', 'success', 'failure']);
  });
});
