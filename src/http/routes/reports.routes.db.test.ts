/**
 * Reports through HTTP (#13 items 4 and 5, R-F4, R-F5): a leader asks for a month's report, follows
 * its progress, writes the commentary (in the PDF), makes it final (no more changes, the PDF says
 * 定稿), and every download is audited; versions of a month; special reports on one complaint
 * (facts, timeline, analysis, recommendations) and on a filtered set; refusals name the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/pdf-text.js';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { buildReport } from '../../services/reports/report-build.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';
import type { ReportDetailAnswer, ReportPageAnswer, ReportProgressAnswer } from '../schemas/reports.schemas.js';

let t: TestApp;
let complaint: ComplaintDetailAnswer;
let monthly: ReportDetailAnswer;

const post = (url: string, payload: Record<string, unknown>, as = 'leader') => t.inject({ method: 'POST', url, payload }, as);
const get = (url: string, as = 'leader') => t.inject({ method: 'GET', url }, as);

beforeAll(async () => {
  t = await createTestApp('2026-11-10T02:00:00Z');
  const res = await t.inject(
    {
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ receivedAt: '2026-10-20T02:00:00Z', amount: '150000', description: '重大事故理赔被拒，损失15万元' }),
    },
    'agent',
  );
  expect(res.statusCode, res.body).toBe(201);
  complaint = res.json<ComplaintDetailAnswer>();
});
afterAll(async () => t.close());

describe('monthly report on demand (R-F4)', () => {
  it('202 queued; progress while it builds; then a draft with highlights', async () => {
    const res = await post('/api/reports/monthly', { month: '2026-10' });
    expect(res.statusCode, res.body).toBe(202);
    monthly = res.json<ReportDetailAnswer>();
    expect(monthly).toMatchObject({ kind: 'monthly', status: 'queued', version: 1, title: '2026年10月投诉管理月度报告', automatic: false });
    expect((await get(`/api/reports/${monthly.id}/files/pdf`)).json()).toMatchObject({ code: 'report_not_ready' });
    await buildReport(t.ctx, monthly.id);
    const progress = (await get(`/api/reports/${monthly.id}/progress`, 'supervisor')).json<ReportProgressAnswer>();
    expect(progress).toMatchObject({ status: 'draft', progress: 100, step: 'done' });
    const detail = (await get(`/api/reports/${monthly.id}`)).json<ReportDetailAnswer>();
    expect(detail.highlights?.comparisons.find((c) => c.measure === 'received')?.current).toBe(1);
    expect(detail.highlights?.level1Count).toBe(1);
    expect(detail.pdfBytes).toBeGreaterThan(1000);
    expect((await get('/api/reports', 'auditor')).json<ReportPageAnswer>().items.map((r) => r.id)).toContain(monthly.id);
  });

  it('the commentary goes into the files; final ends changes; downloads are audited', async () => {
    const c = await post(`/api/reports/${monthly.id}/commentary`, { commentary: '理赔纠纷仍居首位，请理赔部下月专项整改。' });
    expect(c.statusCode, c.body).toBe(200);
    const pdf = await get(`/api/reports/${monthly.id}/files/pdf`, 'auditor');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(pdf.rawPayload)).toContain('理赔纠纷仍居首位，请理赔部下月专项整改。');

    const fin = await post(`/api/reports/${monthly.id}/finalise`, {});
    expect(fin.json<ReportDetailAnswer>()).toMatchObject({ status: 'final', finalisedBy: 'leader' });
    const again = await post(`/api/reports/${monthly.id}/commentary`, { commentary: '改' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'report_not_editable' });
    const finalPdf = await pdfText((await get(`/api/reports/${monthly.id}/files/pdf`)).rawPayload);
    expect(finalPdf).toContain('定稿');
    const xlsx = await get(`/api/reports/${monthly.id}/files/xlsx`);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('2026年10月投诉管理月度报告-v1.xlsx'));

    const audited = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'details'])
      .where('action', 'like', 'report.%')
      .where('target_id', '=', monthly.id)
      .orderBy('id')
      .execute();
    expect(audited.map((a) => `${a.actor} ${a.action}`)).toEqual([
      'leader report.create',
      'leader report.comment',
      'auditor report.download',
      'leader report.finalise',
      'leader report.download',
      'leader report.download',
    ]);
    expect(audited.at(-1)?.details).toMatchObject({ format: 'xlsx', status: 'final' });
  });

  it('a new version keeps the commentary; months not begun and bad months are refused by field', async () => {
    const v2 = await post(`/api/reports/${monthly.id}/rebuild`, {});
    expect(v2.statusCode, v2.body).toBe(202);
    expect(v2.json<ReportDetailAnswer>()).toMatchObject({
      version: 2,
      status: 'queued',
      commentary: '理赔纠纷仍居首位，请理赔部下月专项整改。',
    });
    expect(v2.json<ReportDetailAnswer>().versions.map((v) => v.version)).toEqual([2, 1]);
    const future = await post('/api/reports/monthly', { month: '2026-12' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'report_month_in_future', fields: [{ field: 'month' }] });
    const bad = await post('/api/reports/monthly', { month: '2026-13' });
    expect(bad.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'month' }] });
    expect((await post('/api/reports/monthly', { month: '2026-10' }, 'supervisor')).statusCode).toBe(403);
    expect((await get('/api/reports/00000000-0000-4000-8000-000000000009')).statusCode).toBe(404);
    expect((await get('/api/reports/not-an-id')).statusCode).toBe(404);
  });
});

describe('special reports (R-F5)', () => {
  it('one complaint: facts, timeline, analysis and the recommendations, as PDF only', async () => {
    const res = await post('/api/reports/special', {
      subject: 'complaint',
      complaint: complaint.number,
      recommendations: '建议完善大额理赔复核机制。',
    });
    expect(res.statusCode, res.body).toBe(202);
    const r = res.json<ReportDetailAnswer>();
    expect(r.title).toBe(`投诉 ${complaint.number} 专项报告`);
    await buildReport(t.ctx, r.id);
    const text = await pdfText((await get(`/api/reports/${r.id}/files/pdf`)).rawPayload);
    for (const s of [
      '一、基本情况',
      complaint.number,
      '一级（重大）',
      '二、处理经过',
      '投诉受理登记',
      '三、原因与影响分析',
      '四、建议',
      '建议完善大额理赔复核机制。',
    ]) {
      expect(text).toContain(s);
    }
    expect((await get(`/api/reports/${r.id}/files/xlsx`)).json()).toMatchObject({ code: 'report_file_unavailable' });
    const edited = await post(`/api/reports/${r.id}/commentary`, { recommendations: '建议二：加强培训。' });
    expect(edited.json<ReportDetailAnswer>().recommendations).toBe('建议二：加强培训。');
    expect(await pdfText((await get(`/api/reports/${r.id}/files/pdf`)).rawPayload)).toContain('建议二：加强培训。');
    // a complaint outside the asker's scope is not found, like a wrong number
    expect((await post('/api/reports/special', { subject: 'complaint', complaint: 'TS209901010001' })).statusCode).toBe(404);
  });

  it('a filtered set over a period: its figures; an inverted or too long period is refused by field', async () => {
    const res = await post('/api/reports/special', {
      subject: 'set',
      from: '2026-10-01',
      to: '2026-11-10',
      filter: { category: ['claims_dispute'], level: [1] },
      description: '一级理赔纠纷',
    });
    expect(res.statusCode, res.body).toBe(202);
    const r = res.json<ReportDetailAnswer>();
    await buildReport(t.ctx, r.id);
    const detail = (await get(`/api/reports/${r.id}`)).json<ReportDetailAnswer>();
    expect(detail.highlights?.facts).toContainEqual(['受理量', '1 件（其中一级 1 件）']);
    const text = await pdfText((await get(`/api/reports/${r.id}/files/pdf`)).rawPayload);
    expect(text).toContain('专项报告：一级理赔纠纷');
    expect(text).toContain('2026-10：受理 1 件');
    const inverted = await post('/api/reports/special', { subject: 'set', from: '2026-11-10', to: '2026-10-01' });
    expect(inverted.json()).toMatchObject({ code: 'range_inverted', fields: [{ field: 'to' }] });
    const long = await post('/api/reports/special', { subject: 'set', from: '2020-01-01', to: '2026-10-01' });
    expect(long.json()).toMatchObject({ code: 'report_period_too_long', fields: [{ field: 'from' }] });
  });
});
