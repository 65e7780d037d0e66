/**
 * Creating improvement actions through the workflow step (R-D3): owner, department, root causes,
 * a deadline clock of 20 working days by default (policy improvement_action), linked from the
 * complaint's record and history; the owner and the department's handlers are told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { z } from 'zod';
import type { errorResponse } from '../../http/schemas/common.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer } from '../../http/schemas/complaint.responses.js';

type ErrorAnswer = z.output<typeof errorResponse>;

let t: TestApp;
let claimsId: string;
let branchId: string;
let phone = 13710000000;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  const units = await t.db.selectFrom('org_units').select(['id', 'code']).execute();
  claimsId = units.find((u) => u.code === 'CLAIMS')?.id ?? '';
  branchId = units.find((u) => u.code === 'SH-PD')?.id ?? '';
});
afterAll(async () => t.close());

const act = (id: string, action: string, payload: Record<string, unknown>, as = 'agent') =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);

async function resolving(): Promise<string> {
  phone += 1;
  const reg = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '整改', phone: String(phone) } }) },
    'agent',
  );
  const id = reg.json<ComplaintDetailAnswer>().id;
  expect((await act(id, 'assign', { departmentIds: [claimsId] }, 'supervisor')).statusCode).toBe(200);
  expect((await act(id, 'start-investigation', {})).statusCode).toBe(200);
  expect((await act(id, 'record-findings', { findings: '定损流程缺少复核', conclusion: 'upheld' })).statusCode).toBe(200);
  return id;
}

describe('create_improvement_action', () => {
  it('default deadline: 20 working days from now, as a clock of the action; the record links it', async () => {
    const id = await resolving();
    t.setNow('2026-11-25T06:00:00Z'); // Wed 14:00 Shanghai
    const res = await act(id, 'create-improvement-action', {
      title: '定损复核流程',
      description: '定损金额超过 5,000 元须二人复核',
      owner: 'handler',
      departmentId: claimsId,
      causeCodes: ['business_process', 'internal_management'],
    });
    expect(res.statusCode, res.body).toBe(200);
    // day 1 = Thu Nov 26 ... day 20 = Wed Dec 23 (no holiday in between), due at close of business 17:30
    const due = '2026-12-23T09:30:00.000Z';
    const clocks = res.json<ComplaintDetailAnswer>().clocks.filter((k) => k.kind === 'improvement_action');
    expect(clocks).toMatchObject([
      { status: 'running', dueAt: due, startedAt: '2026-11-25T06:00:00.000Z', amount: 20, unit: 'working_days' },
    ]);

    const events = (await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` }, 'agent')).json<ComplaintEventsAnswer>().items;
    const e = events[events.length - 1];
    expect(e).toMatchObject({
      type: 'create_improvement_action',
      actor: 'agent',
      payload: {
        title: '定损复核流程',
        owner: 'handler',
        departmentId: claimsId,
        causeCodes: ['business_process', 'internal_management'],
        dueAt: due,
      },
    });
    const actionId = String(e?.payload.improvementActionId);
    const row = await t.db.selectFrom('improvement_actions').selectAll().where('id', '=', actionId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      complaint_id: id,
      status: 'open',
      owner: 'handler',
      department_id: claimsId,
      cause_codes: ['business_process', 'internal_management'],
      created_by: 'agent',
    });
    expect(row.due_at.toISOString()).toBe(due);
    const rec = await t.db
      .selectFrom('complaint_records')
      .selectAll()
      .where('id', '=', String(e?.payload.recordId))
      .executeTakeFirstOrThrow();
    expect(rec).toMatchObject({ kind: 'improvement_action', data: { improvementActionId: actionId } });
    const clock = await t.db.selectFrom('complaint_clocks').selectAll().where('subject_id', '=', actionId).executeTakeFirstOrThrow();
    expect(clock).toMatchObject({ kind: 'improvement_action', label: '定损复核流程', round: 1, status: 'running' });

    // the owner (a CLAIMS handler) is told once; the complaint stays where it was
    const told = await t.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select('users.username')
      .where('notifications.source_key', '=', `action:${String(e?.payload.recordId)}`)
      .execute();
    expect(told.map((n) => n.username)).toEqual(['handler']);
    expect(res.json<ComplaintDetailAnswer>().status).toBe('resolving');
  });

  it('an explicit deadline is kept as given', async () => {
    const id = await resolving();
    const res = await act(id, 'create-improvement-action', {
      title: '话术培训',
      owner: 'supervisor',
      causeCodes: ['staff_service'],
      dueAt: '2027-01-15T10:00:00+08:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    const k = res.json<ComplaintDetailAnswer>().clocks.find((c) => c.kind === 'improvement_action');
    expect(k).toMatchObject({ status: 'running', dueAt: '2027-01-15T02:00:00.000Z' });
  });

  it('also after the complaint was answered', async () => {
    const id = await resolving();
    expect((await act(id, 'send-feedback', { method: 'phone', content: '答复客户' })).statusCode).toBe(200);
    expect((await act(id, 'create-improvement-action', { title: '回访', owner: 'agent', causeCodes: ['other'] })).statusCode).toBe(200);
  });

  it('lives beyond the complaint: closing it leaves the action and its deadline clock running (issue #4 item 6)', async () => {
    const id = await resolving();
    expect(
      (await act(id, 'create-improvement-action', { title: '流程整改', owner: 'handler', causeCodes: ['business_process'] })).statusCode,
    ).toBe(200);
    expect((await act(id, 'send-feedback', { method: 'phone', content: '答复客户' })).statusCode).toBe(200);
    expect((await act(id, 'record-survey', { satisfied: true, score: 5, method: 'phone' })).statusCode).toBe(200);
    expect((await t.inject({ method: 'POST', url: `/api/complaints/${id}/grade`, payload: { level: 3 } }, 'supervisor')).statusCode).toBe(
      200,
    );
    const closed = await act(id, 'close', { outcome: 'upheld', summary: '已整改' });
    expect(closed.statusCode, closed.body).toBe(200);
    const clocks = closed.json<ComplaintDetailAnswer>().clocks;
    expect(clocks.filter((k) => k.status === 'running').map((k) => k.kind)).toEqual(['improvement_action']);
  });

  it('bad bodies are 400 naming the fields', async () => {
    const id = await resolving();
    const schema = await act(id, 'create-improvement-action', {
      title: '',
      owner: 'x',
      departmentId: 'not-a-uuid',
      causeCodes: [],
      dueAt: '2026-12-01',
    });
    expect(schema.statusCode).toBe(400);
    const fields = schema
      .json<ErrorAnswer>()
      .fields.map((f) => f.field)
      .sort();
    expect(fields).toEqual(['causeCodes', 'departmentId', 'dueAt', 'owner', 'title']);

    const rules = await act(id, 'create-improvement-action', {
      title: '整改',
      owner: 'nobody',
      departmentId: branchId,
      causeCodes: ['business_process', 'no_such_cause'],
    });
    expect(rules.statusCode).toBe(400);
    expect(rules.json<ErrorAnswer>().fields.map((f) => [f.field, f.code])).toEqual([
      ['owner', 'unknown_user'],
      ['departmentId', 'unknown_org_unit'],
      ['causeCodes.1', 'unknown_code'],
    ]);

    const past = await act(id, 'create-improvement-action', {
      title: '整改',
      owner: 'handler',
      causeCodes: ['other'],
      dueAt: '2026-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ fields: [{ field: 'dueAt', code: 'due_at_not_in_future' }] });
    expect(await t.db.selectFrom('improvement_actions').select('id').where('complaint_id', '=', id).execute()).toEqual([]);
  });

  it('not before findings: 409', async () => {
    phone += 1;
    const reg = await t.inject(
      { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '早', phone: String(phone) } }) },
      'agent',
    );
    const res = await act(reg.json<ComplaintDetailAnswer>().id, 'create-improvement-action', {
      title: '整改',
      owner: 'handler',
      causeCodes: ['other'],
    });
    expect(res.statusCode).toBe(409);
  });
});
