/**
 * Analysis (#13 item 2, R-F3) on complaints made through the real API: the cause ranking, the trend
 * with month-on-month and year-on-year change and the impact figures against what the test made,
 * their drill strings opening ledgers of as many complaints; the spike alert raised once per subject
 * and week as a tracked exception without a complaint, told to the supervision inspectors, listed
 * wherever exceptions are, resolvable, and read by grading as a mass-incident signal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer, LedgerPageAnswer } from '../../http/schemas/complaint.responses.js';
import type { ExceptionPageAnswer } from '../../http/schemas/workflow.responses.js';
import type { CauseAnalysis, ImpactAnalysis, TrendAnalysis } from './analysis.service.js';
import { runSpikeCheck, SPIKE_NOTICE_KIND, type SpikeItem } from './spike.service.js';

let t: TestApp;
let claimsId: string;
let phone = 13900000100;

async function register(body: Record<string, unknown>, as = 'agent'): Promise<string> {
  const res = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '客户', phone: String(phone++) }, ...body }) },
    as,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ComplaintDetailAnswer>().id;
}

async function act(id: string, action: string, payload: Record<string, unknown>, as = 'agent') {
  const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}

/** Assigned to claims, investigated, analysed with these causes. */
async function analyse(id: string, causes: string[]) {
  await act(id, 'assign', { departmentIds: [claimsId] }, 'supervisor');
  await act(id, 'start-investigation', {});
  await act(id, 'record-findings', { findings: '核实', conclusion: 'upheld' });
  await act(id, 'record-analysis', { causes, impact: { business: 'low', reputation: 'low', financial: 'low' }, strategy: '解释' });
}

async function get<T>(url: string, as = 'leader'): Promise<T> {
  const res = await t.inject({ method: 'GET', url }, as);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<T>();
}

const ledgerTotal = async (drill: string) => (await get<LedgerPageAnswer>(`/api/complaints?${drill}&total=true&limit=1`)).total;

beforeAll(async () => {
  // the test's API tokens last a year from their first use: every request is made in 2026 (the 2025 complaints are back-dated letters)
  t = await createTestApp('2026-10-15T02:00:00Z');
  claimsId = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CLAIMS').executeTakeFirstOrThrow()).id;
  // November 2025: 2 complaints (the year before)
  for (let i = 0; i < 2; i++) await register({ receivedAt: '2025-11-10T01:00:00Z' });
  // October 2026: 4 complaints
  for (let i = 0; i < 4; i++) await register({ receivedAt: '2026-10-15T01:00:00Z' });
  // November 2026: 5 complaints, causes, amounts, flags, a referral, compensation
  t.setNow('2026-11-03T02:00:00Z');
  const a = await register({ receivedAt: '2026-11-03T01:00:00Z', amount: '1000.00', riskFlags: ['media'] });
  const b = await register({ receivedAt: '2026-11-03T01:00:00Z', amount: '2500.50' });
  const c = await register({ receivedAt: '2026-11-03T01:00:00Z', amount: null, channel: 'regulator_referral' });
  await register({ receivedAt: '2026-11-03T01:00:00Z', amount: null, riskFlags: ['reputational'] });
  await register({ receivedAt: '2026-11-03T01:00:00Z', amount: null });
  await analyse(a, ['staff_service', 'business_process']);
  await analyse(b, ['staff_service']);
  await analyse(c, ['staff_service', 'sales_practice']);
  await act(a, 'propose-compensation', { amount: '300.00', basis: '差额', payee: '客户' });
});
afterAll(async () => t.close());

describe('R-F3 cause ranking (Pareto)', () => {
  it('ranks the causes of the complaints received in the period; each drill opens that many complaints', async () => {
    const r = await get<CauseAnalysis>('/api/statistics/causes?from=2026-11-01&to=2026-11-30');
    expect(r).toMatchObject({ complaints: 5, withCause: 3, withoutCause: 2, mentions: 5 });
    expect(r.rows.map((x) => [x.cause, x.count, x.share, x.cumulativeShare])).toEqual([
      ['staff_service', 3, 0.6, 0.6],
      ['business_process', 1, 0.2, 0.8],
      ['sales_practice', 1, 0.2, 1],
    ]);
    expect(r.rows[0]?.label).toEqual({ zh: '人员服务态度或质量', en: 'Staff service attitude or quality' });
    for (const row of r.rows) expect(await ledgerTotal(row.drill)).toBe(row.count);
    expect(await ledgerTotal(r.withoutCauseDrill)).toBe(2);
    expect(await ledgerTotal(r.complaintsDrill)).toBe(5);
  });

  it('honours the filter and the reader’s scope; the read is audited; bad periods name the field', async () => {
    const filtered = await get<CauseAnalysis>('/api/statistics/causes?from=2026-11-01&to=2026-11-30&cause=sales_practice');
    expect(filtered.complaints).toBe(1);
    const inverted = await t.inject({ method: 'GET', url: '/api/statistics/causes?from=2026-11-30&to=2026-11-01' }, 'leader');
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json()).toMatchObject({ fields: [{ field: 'querystring.from' }] });
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('action', '=', 'statistics.read')
      .where('target_id', '=', 'causes')
      .execute();
    expect(audited.length).toBeGreaterThan(0);
    expect(audited[0]?.actor).toBe('leader');
  });
});

describe('R-F3 trend: month on month and year on year', () => {
  it('received per month with its change on October and on November a year before', async () => {
    const r = await get<TrendAnalysis>('/api/statistics/trend?from=2026-10&to=2026-11&measure=received');
    expect(r.series).toHaveLength(1);
    const [oct, nov] = r.series[0]!.points;
    expect(oct).toMatchObject({ month: '2026-10', value: 4, previousMonth: 0, sameMonthLastYear: 0, mom: { absolute: 4, ratio: null } });
    expect(nov).toMatchObject({
      month: '2026-11',
      value: 5,
      previousMonth: 4,
      sameMonthLastYear: 2,
      mom: { absolute: 1, ratio: 0.25 },
      yoy: { absolute: 3, ratio: 1.5 },
    });
    expect(await ledgerTotal(nov!.drill)).toBe(5);
    expect(await ledgerTotal(oct!.drill)).toBe(4);
  });

  it('per value of a dimension; a bad month names the field', async () => {
    const r = await get<TrendAnalysis>('/api/statistics/trend?from=2026-11&to=2026-11&groupBy=channel');
    const byChannel = Object.fromEntries(r.series.map((s) => [s.key?.value, s.points[0]?.value]));
    expect(byChannel).toMatchObject({ hotline: 4, regulator_referral: 1 });
    const bad = await t.inject({ method: 'GET', url: '/api/statistics/trend?from=2026-13&to=2026-11' }, 'leader');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ fields: [{ field: 'querystring.from' }] });
  });
});

describe('R-F3 impact', () => {
  it('amounts, compensation, flags, referrals: the figures and their complaints', async () => {
    const r = await get<ImpactAnalysis>('/api/statistics/impact?from=2026-11-01&to=2026-11-30');
    const f = Object.fromEntries(r.figures.map((x) => [x.figure, x]));
    expect(r.received).toBe(5);
    expect(f.amount_involved).toMatchObject({ value: 3500.5, complaints: 2, unit: 'yuan' });
    expect(f.compensation_proposed).toMatchObject({ value: 300, complaints: 1 });
    expect(f.compensation_paid).toMatchObject({ value: 0, complaints: 0 });
    expect(f.media).toMatchObject({ value: 1 });
    expect(f.reputational).toMatchObject({ value: 1 });
    expect(f.legal).toMatchObject({ value: 0 });
    expect(f.regulator_referral).toMatchObject({ value: 1 });
    for (const name of ['amount_involved', 'compensation_proposed', 'regulator_referral'] as const) {
      expect(await ledgerTotal(f[name]!.drill)).toBe(f[name]!.complaints);
    }
  });
});

describe('R-F3 spike alert', () => {
  const product = '安心医疗险';
  let spike: SpikeItem;

  it('a product with almost no baseline and 5 complaints in the last 7 days is raised', async () => {
    t.setNow('2026-11-20T02:00:00Z');
    for (let i = 0; i < 6; i++)
      await register({ receivedAt: `2026-11-${String(13 + i).padStart(2, '0')}T03:00:00Z`, product, category: 'premiums_fees' });
    t.setNow('2026-11-21T00:00:00Z'); // 08:00 Saturday in Shanghai: the window is 14..20 November
    const first = await runSpikeCheck(t.ctx);
    expect(first.week).toBe('2026-W47');
    const raised = first.raised.find((s) => s.subject === 'product' && s.code === product);
    // received 13..18 November: the window holds 5 of them (the 13th is baseline), the minimum for a spike
    expect(raised).toMatchObject({ current: 5, mean: 0.13, ratio: 40, window: { from: '2026-11-14', to: '2026-11-20' } });
    expect(raised!.baselineWeeks.at(-1)).toEqual({ from: '2026-11-07', to: '2026-11-13', count: 1 });
    expect(await ledgerTotal(raised!.drill)).toBe(5);
  });

  it('a second run the same week raises nothing again', async () => {
    t.setNow('2026-11-21T03:00:00Z'); // a retried job, or another instance
    const again = await runSpikeCheck(t.ctx);
    expect(again.raised.filter((s) => s.code === product)).toEqual([]);
    expect(again.skipped.some((s) => s.code === product)).toBe(true);
    const rows = await t.db
      .selectFrom('complaint_exceptions')
      .selectAll()
      .where('kind', '=', 'spike')
      .where('subject_code', '=', product)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ complaint_id: null, subject_kind: 'product', status: 'open' });
    const inspector = await t.db.selectFrom('users').select('id').where('username', '=', 'inspector').executeTakeFirstOrThrow();
    const notices = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', inspector.id)
      .where('kind', '=', SPIKE_NOTICE_KIND)
      .execute();
    // one notice per spike raised: the product's and its category's (premiums_fees had no baseline either)
    const about = notices.filter((n) => n.params.nameZh === product);
    expect(about).toHaveLength(1);
    expect(about[0]).toMatchObject({ template: 'spike.raised', complaint_id: null, params: { subject: 'product', count: 5 } });
    expect(notices.map((n) => n.params.subject).sort()).toEqual(['category', 'product']);
  });

  it('is listed as an exception without a complaint to readers of every complaint, not to a department supervisor', async () => {
    const spikes = await get<{ items: SpikeItem[] }>('/api/statistics/spikes', 'inspector');
    spike = spikes.items.find((s) => s.code === product)!;
    expect(spike).toMatchObject({ subject: 'product', current: 5 });
    expect((await get<{ items: SpikeItem[] }>('/api/statistics/spikes', 'supervisor')).items).toEqual([]);
    const list = await get<ExceptionPageAnswer>('/api/exceptions?status=open&kind=spike', 'leader');
    expect(list.items.find((e) => e.id === spike.id)).toMatchObject({ complaint: null, subject: { kind: 'product', code: product } });
    const mine = await get<ExceptionPageAnswer>('/api/exceptions?status=open&kind=spike', 'supervisor');
    expect(mine.items).toEqual([]);
    const board = await get<{ exceptions: { open: Record<string, number>; items: Array<{ id: string }> } }>('/api/board', 'leader');
    expect(board.exceptions.open.spike).toBeGreaterThan(0);
    const workbench = await get<{ exceptions: { total: number; items: Array<{ id: string; complaint: unknown }> } | null }>(
      '/api/workbench',
      'leader',
    );
    expect(workbench.exceptions?.total).toBeGreaterThan(0);
  });

  it('an open spike on the product makes grading propose level 2 with the spike named', async () => {
    t.setNow('2026-11-23T02:00:00Z');
    const res = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints/preview',
        payload: complaintBody({ receivedAt: '2026-11-23T01:00:00Z', amount: null, product, category: 'premiums_fees' }),
      },
      'agent',
    );
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<{ level: number; reasons: Array<{ rule: string; detail: Record<string, unknown> }> }>();
    expect(preview.level).toBe(2);
    const spikes = preview.reasons.filter((r) => r.rule === 'mass_spike').map((r) => r.detail);
    expect(spikes).toContainEqual({ subject: 'product', code: product, week: '2026-W47' });
  });

  it('resolved by a leader with a note; then no longer a grading input', async () => {
    const res = await t.inject(
      { method: 'POST', url: `/api/exceptions/${spike.id}/resolve`, payload: { resolution: '已核查：新产品上市咨询集中' } },
      'leader',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'resolved', complaint: null, resolvedBy: 'leader' });
    const again = await t.inject({ method: 'POST', url: `/api/exceptions/${spike.id}/resolve`, payload: { resolution: '再次' } }, 'leader');
    expect(again.statusCode).toBe(409);
    const preview = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints/preview',
        payload: complaintBody({ receivedAt: '2026-11-23T01:00:00Z', amount: null, product: '其他产品', category: 'underwriting' }),
      },
      'agent',
    );
    expect(preview.json<{ reasons: Array<{ rule: string }> }>().reasons.map((r) => r.rule)).not.toContain('mass_spike');
  });
});
