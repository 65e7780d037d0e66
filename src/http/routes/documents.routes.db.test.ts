/**
 * Printed documents (#11 item 9; R-B2, R-D4, R-H1): the acceptance receipt and the reply letter as
 * PDF. The text pdf.js extracts holds the number, the company, the Chinese titles and the expected
 * date; the Chinese font is embedded (a Noto Sans SC subset, no standard PDF font); access is that
 * of the complaint's detail (out of scope: 404) and every print lands in the audit log.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { chineseDate, expectedAnswerBy } from '../../domain/documents/printed-documents.js';
import { channelsOf } from '../../services/channels/channel-settings.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z'); // Wed 10:00 Shanghai
});
afterAll(async () => t.close());

let phones = 0;
/** Each complainant with a phone of their own: an earlier complaint of the same contact would raise the level (repeat rule). */
async function register(overrides: Record<string, unknown> = {}, as = 'agent'): Promise<ComplaintDetailAnswer> {
  phones += 1;
  const complainant = { name: '王五', phone: `1390000${String(phones).padStart(4, '0')}`, ...(overrides.complainant ?? {}) };
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ ...overrides, complainant }) }, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ComplaintDetailAnswer>();
}

const print = (id: string, kind: string, as = 'agent') => t.inject({ method: 'GET', url: `/api/complaints/${id}/documents/${kind}` }, as);

/** Every page's text, the pieces of a line joined without spaces (Chinese lines wrap anywhere). */
async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** The font dictionaries of the file (pdfkit writes them uncompressed). */
function fontsOf(pdf: Buffer) {
  const raw = pdf.toString('latin1');
  return {
    baseFonts: [...new Set([...raw.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]))],
    embedded: (raw.match(/\/FontFile2 /g) ?? []).length,
    standard: /\/(Helvetica|Times-Roman|Courier|Symbol|ZapfDingbats)/.test(raw),
  };
}

describe('acceptance receipt (受理回执)', () => {
  it('prints the number, company, complainant, labels, expected date and the portal link in an embedded Chinese font (R-B2)', async () => {
    const c = await register({ channel: 'letter', complainant: { name: '李四', address: '上海市浦东新区世纪大道 100 号' } });
    const res = await print(c.id, 'acceptance-receipt');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const fileName = `投诉受理回执-${c.number}.pdf`;
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="______-${c.number}.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(150_000); // a subset of the 10 MB face

    const text = await pdfText(pdf);
    expect(text).toContain('投诉受理回执');
    expect(text).toContain(c.number);
    expect(text).toContain(channelsOf(t.ctx).companyName);
    expect(text).toContain('尊敬的 李四');
    expect(text).toContain('书信'); // the channel, business line and category in Chinese
    expect(text).toContain('财产保险');
    expect(text).toContain('理赔纠纷');
    expect(text).toContain('2026年11月25日'); // received
    // the level-3 answer clock, earlier than the regulatory one: received Wed 25 November, due Wed 2 December
    const expected = expectedAnswerBy(c.clocks.map((k) => ({ ...k, dueAt: k.dueAt ? new Date(k.dueAt) : null })));
    expect(expected?.toISOString()).toBe(c.clocks.find((k) => k.kind === 'l3_answer')?.dueAt);
    expect(chineseDate(expected ?? new Date(), 'Asia/Shanghai')).toBe('2026年12月2日');
    expect(text).toContain('预计答复日期 2026年12月2日前');
    expect(text).toContain(`/portal?number=${c.number}#track`);

    const fonts = fontsOf(pdf);
    expect(fonts.standard).toBe(false);
    expect(fonts.embedded).toBeGreaterThanOrEqual(1);
    expect(fonts.baseFonts.length).toBeGreaterThan(0);
    expect(fonts.baseFonts.every((f) => /^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/.test(f ?? ''))).toBe(true);
  });

  it('is printed by number too, and every print is in the audit log (R-H1)', async () => {
    const c = await register({ channel: 'branch', branchId: 'SH-PD' });
    const res = await print(c.number, 'acceptance-receipt', 'tester');
    expect(res.statusCode, res.body).toBe(200);
    expect(await pdfText(res.rawPayload)).toContain('营业网点');
    const rows = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'complaint.print_document')
      .where('target_id', '=', c.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'tester', outcome: 'success', target_type: 'complaint' });
    expect(rows[0]?.details).toMatchObject({ number: c.number, kind: 'acceptance-receipt' });
  });

  it('404 for an unknown complaint, 404 outside the data scope, 403 without complaint.read, 400 for an unknown document', async () => {
    for (const id of ['00000000-0000-4000-8000-00000000abcd', 'TS209901010001']) {
      const res = await print(id, 'acceptance-receipt');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'complaint_not_found' });
    }
    const c = await register(); // customer service's: the claims handler does not see it
    const outside = await print(c.id, 'acceptance-receipt', 'handler');
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'complaint_not_found' });
    expect((await print(c.id, 'acceptance-receipt', 'admin')).statusCode).toBe(403);
    expect((await print(c.id, 'receipt')).statusCode).toBe(400);
    const printed = await t.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'complaint.print_document')
      .where('target_id', '=', c.id)
      .execute();
    expect(printed).toEqual([]);
  });
});

describe('reply letter (书面答复函)', () => {
  it('is refused before the feedback step: 409 reply_letter_without_feedback', async () => {
    const c = await register();
    const res = await print(c.id, 'reply-letter');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'reply_letter_without_feedback', message: expect.stringContaining('答复函') });
    const en = await t.inject(
      { method: 'GET', url: `/api/complaints/${c.id}/documents/reply-letter`, headers: { 'accept-language': 'en' } },
      'agent',
    );
    expect(en.json()).toMatchObject({ message: expect.stringContaining('reply letter') });
  });

  const cases = [
    { sector: 'insurance', body: {}, hotline: '12378', other: '12386', regulator: '国家金融监督管理总局' },
    {
      sector: 'securities',
      body: { businessLine: 'brokerage', category: 'securities_trading', description: '委托卖出指令未及时成交，要求说明原因。' },
      hotline: '12386',
      other: '12378',
      regulator: '中国证监会',
    },
  ] as const;
  for (const k of cases) {
    it(`holds the latest feedback, the conclusion and the external routes with ${k.hotline} (${k.sector}; R-D4)`, async () => {
      const c = await register(k.body);
      expect(c.level).toBe(3);
      t.setNow('2026-11-25T02:10:00Z');
      const fb = await t.inject(
        {
          method: 'POST',
          url: `/api/complaints/${c.id}/send-feedback`,
          payload: { method: 'letter', content: `已核实${k.sector}投诉，补发差额并致歉。`, solvedOnTheSpot: true },
        },
        'agent',
      );
      expect(fb.statusCode, fb.body).toBe(200);
      const res = await print(c.id, 'reply-letter');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(`书面答复函-${c.number}.pdf`));
      const text = await pdfText(res.rawPayload);
      expect(text).toContain('书面答复函');
      expect(text).toContain(c.number);
      expect(text).toContain(`已核实${k.sector}投诉，补发差额并致歉。`);
      expect(text).toMatch(/调解.*仲裁.*人民法院/);
      expect(text).toContain(`${k.regulator}投诉热线 ${k.hotline}`);
      expect(text).not.toContain(k.other);
      expect(fontsOf(res.rawPayload).standard).toBe(false);
    });
  }

  it('names the conclusion once the complaint is closed', async () => {
    const c = await register();
    const step = async (action: string, payload: Record<string, unknown>) => {
      const res = await t.inject({ method: 'POST', url: `/api/complaints/${c.id}/${action}`, payload }, 'agent');
      expect(res.statusCode, res.body).toBe(200);
    };
    await step('send-feedback', { method: 'letter', content: '第一次答复内容。', solvedOnTheSpot: true });
    await step('grade', { level: 3 });
    await step('record-survey', { satisfied: true, score: 5, method: 'phone' });
    await step('close', { outcome: 'partly_upheld', summary: '补发差额' });
    const text = await pdfText((await print(c.id, 'reply-letter')).rawPayload);
    expect(text).toContain('处理结论 部分成立');
    expect(text).toContain('第一次答复内容。');
  });
});
