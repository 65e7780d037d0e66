import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-20T02:00:00Z');
});
afterAll(async () => t?.close());

const at = (minutes: number) => new Date(new Date('2026-11-20T02:00:00Z').getTime() + minutes * 60_000).toISOString();

/** A complaint with personal data in its texts, handled and closed by the agent. */
async function closedComplaint(close = true): Promise<string> {
  t.setNow(at(1));
  const reg = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({
        receivedAt: at(0),
        description: '王五先生称车险理赔少赔，联系电话139-0000-1111，住上海市浦东新区世纪大道100号。',
        requestedRemedy: '补足差额，邮件回复wangwu@example.com',
        complainant: { name: '王五', phone: '13900001111', email: 'wangwu@example.com', account: 'P2026-8877' },
      }),
    },
    'agent',
  );
  expect(reg.statusCode, reg.body).toBe(201);
  const id = reg.json<{ id: string }>().id;
  const act = async (action: string, payload: Record<string, unknown>, minute: number, as = 'agent') => {
    t.setNow(at(minute));
    const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  await act('assign', { assignee: 'agent' }, 5, 'supervisor');
  await act('start-investigation', {}, 10);
  await act('record-findings', { findings: '核实王五保单P2026-8877的定损过程，定损偏低。', conclusion: 'upheld' }, 20);
  await act('send-feedback', { method: 'phone', content: '已致电13900001111告知补足赔款' }, 30);
  await act('record-survey', { satisfied: true, score: 5, method: 'phone' }, 40);
  if (!close) return id;
  t.setNow(at(45));
  const graded = await t.inject(
    { method: 'POST', url: `/api/complaints/${id}/grade`, payload: { level: 3, reason: '金额较小，按三级处理' } },
    'agent',
  );
  expect(graded.statusCode, graded.body).toBe(200);
  await act('close', { outcome: 'upheld', summary: '补足赔款500元，王五女士满意' }, 50);
  return id;
}

interface Case {
  id: string;
  status: string;
  title: string;
  background: string;
  handling: string;
  outcome: string;
  redactions: Record<string, { kind: string; start: number; end: number }[]>;
  mayReview: boolean;
  complaintNumber: string | null;
}

describe('the case library', () => {
  let caseId = '';

  it('refuses an open complaint', async () => {
    const open = await closedComplaint(false);
    const res = await t.inject({ method: 'POST', url: '/api/cases', payload: { complaintId: open } }, 'agent');
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ code: string }>().code).toBe('case_source_not_closed');
  });

  it('proposes a closed complaint: a draft without the personal data', async () => {
    const complaintId = await closedComplaint();
    t.setNow(at(60));
    const res = await t.inject({ method: 'POST', url: '/api/cases', payload: { complaintId, lessonTags: ['定损复核'] } }, 'agent');
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<Case>();
    caseId = c.id;
    expect(c.status).toBe('draft');
    const all = [c.title, c.background, c.handling, c.outcome].join('\n');
    for (const secret of ['王五', '139-0000-1111', '13900001111', 'wangwu@example.com', 'P2026-8877', '世纪大道'])
      expect(all).not.toContain(secret);
    expect(c.background).toContain('某先生称车险理赔少赔，联系电话[电话]，住[地址]。');
    expect(c.handling).toContain('核实某保单[账号]的定损过程');
    expect(c.outcome).toBe('补足赔款500元，某女士满意');
    const marked = (c.redactions.background ?? []).map((r) => c.background.slice(r.start, r.end));
    expect(marked).toEqual(['某', '[电话]', '[地址]', '[邮箱]']);
    const again = await t.inject({ method: 'POST', url: '/api/cases', payload: { complaintId } }, 'agent');
    expect(again.json<{ code: string }>().code).toBe('case_already_proposed');
  });

  it("anonymises the proposer's edit too", async () => {
    const res = await t.inject(
      {
        method: 'PATCH',
        url: `/api/cases/${caseId}`,
        payload: { title: '定损偏低的理赔投诉', lessons: '定损须复核；客户王五（13900001111）可作回访样本', causeCodes: ['process'] },
      },
      'agent',
    );
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<Case & { lessons: string }>();
    expect(c.lessons).toBe('定损须复核；客户某（[电话]）可作回访样本');
    expect((c.redactions.background ?? []).length).toBe(4);
    expect(c.redactions.lessons?.map((r) => r.kind)).toEqual(['name', 'phone']);
    const other = await t.inject({ method: 'PATCH', url: `/api/cases/${caseId}`, payload: { title: 'x' } }, 'supervisor');
    expect(other.statusCode).toBe(403);
  });

  it('is reviewed by someone else: self-review refused, then published', async () => {
    expect((await t.inject({ method: 'POST', url: `/api/cases/${caseId}/submit` }, 'agent')).statusCode).toBe(200);
    // the agent cannot review at all; the tester (supervisor too) proposes one and may not review it
    const refused = await t.inject({ method: 'POST', url: `/api/cases/${caseId}/approve`, payload: {} }, 'agent');
    expect(refused.statusCode).toBe(403);
    // unpublished: not visible to a reader who is neither proposer nor reviewer
    expect((await t.inject({ method: 'GET', url: `/api/cases/${caseId}` }, 'handler')).statusCode).toBe(404);
    const inReview = await t.inject({ method: 'GET', url: `/api/cases/${caseId}` }, 'supervisor');
    expect(inReview.json<Case>().mayReview).toBe(true);
    t.setNow(at(70));
    const ok = await t.inject({ method: 'POST', url: `/api/cases/${caseId}/approve`, payload: { note: '可用于新人培训' } }, 'supervisor');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Case>().status).toBe('published');
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor']).where('target_id', '=', caseId).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'case.publish', actor: 'supervisor' }]));
  });

  it('refuses a review of your own proposal', async () => {
    const complaintId = await closedComplaint();
    const own = await t.inject({ method: 'POST', url: '/api/cases', payload: { complaintId, title: '自己的案例' } }, 'supervisor');
    expect(own.statusCode, own.body).toBe(201);
    const id = own.json<Case>().id;
    await t.inject({ method: 'POST', url: `/api/cases/${id}/submit` }, 'supervisor');
    const res = await t.inject({ method: 'POST', url: `/api/cases/${id}/approve`, payload: {} }, 'supervisor');
    expect(res.statusCode).toBe(403);
    expect(res.json<{ code: string }>().code).toBe('case_self_review');
    const rejected = await t.inject({ method: 'POST', url: `/api/cases/${id}/reject`, payload: { reason: '教训不够具体' } }, 'leader');
    expect(rejected.json<Case>().status).toBe('rejected');
    // the proposer sees it among their own, others do not see it at all
    const mine = await t.inject({ method: 'GET', url: '/api/cases?mine=true' }, 'supervisor');
    expect(mine.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(id);
    const handlerView = await t.inject({ method: 'GET', url: '/api/cases?status=rejected' }, 'handler');
    expect(handlerView.json<{ total: number }>().total).toBe(0);
  });

  it('finds published cases by tag, cause and word; readers do not see the source complaint', async () => {
    const search = async (query: string) =>
      (await t.inject({ method: 'GET', url: `/api/cases?${query}` }, 'handler')).json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(await search('')).toEqual([caseId]);
    expect(await search(`tag=${encodeURIComponent('定损复核')}`)).toEqual([caseId]);
    expect(await search('cause=process&businessLine=property_casualty')).toEqual([caseId]);
    expect(await search(`q=${encodeURIComponent('定损偏低')}`)).toEqual([caseId]);
    expect(await search(`q=${encodeURIComponent('王五')}`)).toEqual([]);
    expect(await search('category=other')).toEqual([]);
    const read = await t.inject({ method: 'GET', url: `/api/cases/${caseId}` }, 'handler');
    expect(read.json<Case>().complaintNumber).toBeNull();
    const tags = await t.inject({ method: 'GET', url: '/api/cases/lesson-tags' }, 'auditor');
    expect(tags.json()).toEqual([{ tag: '定损复核', count: 1 }]);
  });

  it('withdraws a published case with a reason', async () => {
    const res = await t.inject({ method: 'POST', url: `/api/cases/${caseId}/withdraw`, payload: { reason: '政策已更新' } }, 'inspector');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Case>().status).toBe('withdrawn');
    expect((await t.inject({ method: 'GET', url: '/api/cases' }, 'handler')).json<{ total: number }>().total).toBe(0);
  });
});
