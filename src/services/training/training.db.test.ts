/** Training (#15 item 1, R-G1) on real PostgreSQL through HTTP: plans, enrolment, attendance, reminders, origins. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgUnit } from '../../db/repositories/org.repository.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { sendTrainingReminders } from './training-reminders.service.js';

interface Plan {
  id: string;
  kind: string;
  origin: { kind: string; id: string; text: string; link: string } | null;
  attendees: Array<{ username: string; source: string; sourceRef: string | null }>;
  sessions: Array<{ id: string }>;
  added?: string[];
}
interface Session {
  id: string;
  attendance: Array<{ username: string; status: string | null; score: number | null; result: string }>;
  materials: Array<{ id: string; name: string; size: number }>;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const post = async <T>(url: string, payload: Record<string, unknown>, as = 'trainer', method: 'POST' | 'PUT' | 'PATCH' = 'POST') => {
  const res = await t.inject({ method, url, payload }, as);
  return { status: res.statusCode, body: res.json<T & { code?: string }>() };
};

async function newPlan(overrides: Record<string, unknown> = {}): Promise<Plan> {
  const r = await post<Plan>('/api/training/plans', {
    kind: 'periodic',
    title: `季度培训 ${randomUUID().slice(0, 6)}`,
    contentAreas: ['law_regulation', 'communication'],
    periodFrom: '2026-11-01',
    periodTo: '2026-12-31',
    ...overrides,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('training plans and enrolment (#15 item 1)', () => {
  it('enrols by department, role and person, stored per person with the source', async () => {
    const plan = await newPlan();
    const claims = await findOrgUnit(t.db, 'CLAIMS');
    const r = await post<Plan>(`/api/training/plans/${plan.id}/attendees`, {
      departmentIds: [claims!.id],
      roles: ['supervisor'],
      usernames: ['agent'],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const by = new Map(r.body.attendees.map((a) => [a.username, a]));
    expect(by.get('agent')).toMatchObject({ source: 'person', sourceRef: null });
    expect(by.get('handler')).toMatchObject({ source: 'department', sourceRef: claims!.id });
    expect(by.get('supervisor')).toMatchObject({ source: 'role', sourceRef: 'supervisor' });
    // enrolling again adds nobody twice
    const again = await post<Plan>(`/api/training/plans/${plan.id}/attendees`, { usernames: ['agent', 'handler'] });
    expect(again.body.added).toEqual([]);
    const unknown = await post<Plan>(`/api/training/plans/${plan.id}/attendees`, { usernames: ['nobody-here'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('training_attendee_unknown');
  });

  it('enrols a new account in the current onboarding plan when it is created', async () => {
    const onboarding = await newPlan({ kind: 'onboarding', title: '入职培训 2026 冬' });
    const res = await t.inject(
      { method: 'POST', url: '/api/users', payload: { username: 'newbie-1', displayName: '新人', roles: ['agent'], orgUnitIds: [] } },
      'admin',
    );
    expect(res.statusCode, res.body).toBe(201);
    const plan = await t.inject({ method: 'GET', url: `/api/training/plans/${onboarding.id}` }, 'trainer');
    expect(plan.json<Plan>().attendees).toEqual([expect.objectContaining({ username: 'newbie-1', source: 'onboarding' })]);
    const record = await t.inject({ method: 'GET', url: '/api/training/records/newbie-1' }, 'trainer');
    expect(record.json<{ plans: Array<{ plan: { id: string } }> }>().plans.map((p) => p.plan.id)).toContain(onboarding.id);
  });

  it('marks attendance and scores, pass or fail against the pass mark; records show them', async () => {
    const plan = await newPlan();
    await post(`/api/training/plans/${plan.id}/attendees`, { usernames: ['agent', 'handler', 'branch'] });
    const s = await post<Session>(`/api/training/plans/${plan.id}/sessions`, {
      title: '投诉处理流程',
      startsAt: '2026-11-20T01:00:00Z',
      endsAt: '2026-11-20T03:00:00Z',
      trainer: 'trainer',
      place: '培训室',
      maxScore: 100,
      passMark: 60,
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    const marks = await post<Session>(
      `/api/training/sessions/${s.body.id}/attendance`,
      {
        marks: [
          { username: 'agent', status: 'present', score: 85 },
          { username: 'handler', status: 'present', score: 59 },
          { username: 'branch', status: 'excused' },
        ],
      },
      'trainer',
      'PUT',
    );
    expect(marks.status, JSON.stringify(marks.body)).toBe(200);
    const result = Object.fromEntries(marks.body.attendance.map((a) => [a.username, a.result]));
    expect(result).toEqual({ agent: 'passed', handler: 'failed', branch: 'excused' });
    const tooHigh = await post(
      `/api/training/sessions/${s.body.id}/attendance`,
      { marks: [{ username: 'agent', status: 'present', score: 101 }] },
      'trainer',
      'PUT',
    );
    expect(tooHigh.body.code).toBe('training_score_out_of_range');
    const stranger = await post(
      `/api/training/sessions/${s.body.id}/attendance`,
      { marks: [{ username: 'leader', status: 'present' }] },
      'trainer',
      'PUT',
    );
    expect(stranger.body.code).toBe('training_not_enrolled');

    const mine = await t.inject({ method: 'GET', url: '/api/training/my' }, 'handler');
    const rec = mine.json<{ plans: Array<{ plan: { id: string }; sessions: Array<{ mine: { result: string; score: number } }> }> }>();
    expect(rec.plans.find((p) => p.plan.id === plan.id)?.sessions[0]?.mine).toMatchObject({ result: 'failed', score: 59 });
    // someone else's record is for those who run training
    expect((await t.inject({ method: 'GET', url: '/api/training/records/agent' }, 'handler')).statusCode).toBe(403);
  });

  it('stores a material and lets the attendees download it', async () => {
    const plan = await newPlan();
    await post(`/api/training/plans/${plan.id}/attendees`, { usernames: ['agent'] });
    const s = await post<Session>(`/api/training/plans/${plan.id}/sessions`, {
      title: '沟通技巧',
      startsAt: '2026-12-02T01:00:00Z',
      endsAt: '2026-12-02T02:00:00Z',
      trainer: 'trainer',
      onlineUrl: 'https://meet.example.com/x',
    });
    const b = 'training-boundary';
    const pdf = '%PDF-1.4\n% training\n';
    const up = await t.inject(
      {
        method: 'POST',
        url: `/api/training/sessions/${s.body.id}/materials`,
        payload: `--${b}\r\nContent-Disposition: form-data; name="file"; filename="课件.pdf"\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n--${b}--\r\n`,
        headers: { 'content-type': `multipart/form-data; boundary=${b}` },
      },
      'trainer',
    );
    expect(up.statusCode, up.body).toBe(201);
    const m = up.json<Session>().materials[0]!;
    expect(m).toMatchObject({ name: '课件.pdf', size: pdf.length });
    const dl = await t.inject({ method: 'GET', url: `/api/training/sessions/${s.body.id}/materials/${m.id}` }, 'agent');
    expect(dl.statusCode).toBe(200);
    expect(dl.body).toBe(pdf);
    expect((await t.inject({ method: 'GET', url: `/api/training/sessions/${s.body.id}/materials/${m.id}` }, 'handler')).statusCode).toBe(
      404,
    );
  });
});

describe('training reminders (#15 item 1)', () => {
  it('tells the attendees of tomorrow’s sessions once, in the app and through the outbox', async () => {
    const plan = await newPlan();
    await post(`/api/training/plans/${plan.id}/attendees`, { usernames: ['agent', 'supervisor'] });
    // 2026-11-26 09:30 in Shanghai is tomorrow at 2026-11-25T02:00Z
    const s = await post<Session>(`/api/training/plans/${plan.id}/sessions`, {
      title: '明日培训',
      startsAt: '2026-11-26T01:30:00Z',
      endsAt: '2026-11-26T03:00:00Z',
      trainer: 'trainer',
      place: '三楼培训室',
    });
    const first = await sendTrainingReminders(t.ctx);
    expect(first.date).toBe('2026-11-26');
    const second = await sendTrainingReminders(t.ctx);
    expect(second.notified).toBe(0);
    const rows = await t.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['u.username', 'n.template', 'n.params'])
      .where('n.source_key', 'like', `training.reminder:${s.body.id}:%`)
      .orderBy('u.username')
      .execute();
    expect(rows.map((r) => r.username)).toEqual(['agent', 'supervisor']);
    expect(rows[0]).toMatchObject({ template: 'training.reminder', params: expect.objectContaining({ when: '2026-11-26 09:30' }) });
    const outbox = await t.db
      .selectFrom('outbox')
      .select('idempotency_key')
      .where('idempotency_key', 'like', `notification:training.reminder:${s.body.id}:%`)
      .execute();
    expect(outbox).toHaveLength(2);
    const session = await t.inject({ method: 'GET', url: `/api/training/sessions/${s.body.id}` }, 'trainer');
    expect(session.json<{ remindedAt: string | null }>().remindedAt).not.toBeNull();
  });
});

describe('special-topic training from an inspection finding (#15 item 1)', () => {
  it('names the finding, and the finding lists the plan', async () => {
    const findingId = randomUUID();
    await t.db
      .insertInto('inspection_findings')
      .values({ id: findingId, severity: 'major', text: '回访记录不完整', created_at: t.now(), created_by: 'inspector' })
      .execute();
    const plan = await newPlan({ kind: 'special', title: '回访规范专项培训', origin: { kind: 'finding', id: findingId } });
    expect(plan.origin).toMatchObject({ kind: 'finding', id: findingId, text: '回访记录不完整' });
    const from = await t.inject({ method: 'GET', url: `/api/training/from?kind=finding&id=${findingId}` }, 'inspector');
    expect(from.json<Array<{ id: string }>>().map((p) => p.id)).toEqual([plan.id]);
    const missing = await post('/api/training/plans', {
      kind: 'special',
      title: 'x',
      contentAreas: ['case_study'],
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
      origin: { kind: 'spike', id: randomUUID() },
    });
    expect(missing.body.code).toBe('training_origin_not_found');
  });
});

describe('KPI training_completion (#15 item 1, #14 item 5)', () => {
  it("is the share of the department's enrolled persons who passed the sessions ended in the period", async () => {
    const cs = await findOrgUnit(t.db, 'CS');
    // enrolled before the sessions (a person enrolled after a session ended does not count for it)
    t.setNow('2026-10-01T00:00:00Z');
    const plan = await newPlan({ periodFrom: '2026-10-01', periodTo: '2026-10-31', title: `十月培训 ${randomUUID().slice(0, 6)}` });
    // everyone in customer service (agent, supervisor, tester, trainer, …)
    const enrolled = await post<Plan>(`/api/training/plans/${plan.id}/attendees`, { departmentIds: [cs!.id] });
    const people = enrolled.body.attendees.map((a) => a.username).sort();
    expect(people).toContain('agent');
    const s1 = await post<Session>(`/api/training/plans/${plan.id}/sessions`, {
      title: '法规',
      startsAt: '2026-10-10T01:00:00Z',
      endsAt: '2026-10-10T02:00:00Z',
      trainer: 'trainer',
      maxScore: 10,
      passMark: 6,
    });
    const s2 = await post<Session>(`/api/training/plans/${plan.id}/sessions`, {
      title: '沟通',
      startsAt: '2026-10-20T01:00:00Z',
      endsAt: '2026-10-20T02:00:00Z',
      trainer: 'trainer',
    });
    // agent passes both; supervisor passes the first and misses the second; the rest are unmarked
    await post(
      `/api/training/sessions/${s1.body.id}/attendance`,
      {
        marks: [
          { username: 'agent', status: 'present', score: 9 },
          { username: 'supervisor', status: 'present', score: 6 },
        ],
      },
      'trainer',
      'PUT',
    );
    await post(
      `/api/training/sessions/${s2.body.id}/attendance`,
      {
        marks: [
          { username: 'agent', status: 'present' },
          { username: 'supervisor', status: 'absent' },
        ],
      },
      'trainer',
      'PUT',
    );
    t.setNow('2026-11-25T02:00:00Z');
    // persons of customer service enrolled in any plan with a session ended in October: only this plan's
    const res = await t.inject({ method: 'GET', url: `/api/kpis?from=2026-10-01&to=2026-10-31&department=${cs!.id}` }, 'leader');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      subject: { lines: Array<{ code: string; value: number | null; numerator: number | null; denominator: number | null }> };
    }>();
    const line = body.subject.lines.find((l) => l.code === 'training_completion');
    expect(line).toMatchObject({ numerator: 1, denominator: people.length, value: Math.round((1 / people.length) * 10000) / 10000 });
  });
});
