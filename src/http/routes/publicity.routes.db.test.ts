/**
 * Publicity on the portal (#15 item 3, R-G3): channels round trip with versions and audit; the
 * article body is sanitised on the server; drafts and their images are not public, published ones
 * are; the portal's process numbers follow a newly published policy; bad input is a 4xx naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError, type ApiErrorBody } from '../../../test/db-assertions.js';
import { DEMO_CHANNELS } from '../../domain/publicity/channel-defaults.js';
import type { articleAnswer, channelsAnswer, portalInfoAnswer, publicArticle, publicArticleList } from '../schemas/publicity.schemas.js';

type Article = z.output<typeof articleAnswer>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const asAdmin = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) =>
  t.inject({ method, url, payload: payload as string, headers }, 'admin');
const anonymous = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

const fieldCode = (body: ApiErrorBody) => body.fields[0]?.code;

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const upload = async (bytes: Buffer = PNG, type = 'image/png') => {
  const res = await asAdmin('POST', '/api/publicity/images', bytes, { 'content-type': type });
  return res;
};
const article = (overrides: Record<string, unknown> = {}) => ({
  language: 'zh-CN',
  title: '理赔材料清单',
  summary: '办理理赔前需要准备的材料',
  bodyHtml: '<h2>材料</h2><p>身份证明、保单和<strong>医疗发票</strong>。</p>',
  ...overrides,
});

describe('channels (R-G3)', () => {
  it('a fresh system shows the demo channels; a save makes a version with who and when, audited, and the portal shows it', async () => {
    const first = await asAdmin('GET', '/api/publicity/channels');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 0, updatedBy: null });
    const info = (await anonymous('/api/public/portal-info')).json() as z.output<typeof portalInfoAnswer>;
    expect(info.channels.hotlines[0]!.number).toBe(DEMO_CHANNELS.hotlines[0]!.number);

    const next = structuredClone(DEMO_CHANNELS);
    next.hotlines[0]!.number = '400-019-8888';
    next.branches.push({
      name: { zh: '深圳福田营业部', en: '' },
      address: { zh: '深圳市福田区示范街 1 号', en: '1 Shifan Street, Futian, Shenzhen' },
      hours: { zh: '工作日 9:00–17:00', en: '' },
      phone: '0755-2012-3404',
    });
    const saved = await asAdmin('PUT', '/api/publicity/channels', next);
    expect(saved.statusCode).toBe(200);
    const body = saved.json() as z.output<typeof channelsAnswer>;
    expect(body).toMatchObject({ version: 1, updatedBy: 'admin', updatedAt: '2026-11-25T02:00:00.000Z' });
    expect(body.channels).toEqual(next);
    expect((await asAdmin('GET', '/api/publicity/channels')).json()).toEqual(body);
    expect((await asAdmin('GET', '/api/publicity/channels/history')).json()).toEqual({
      items: [{ version: 1, createdAt: '2026-11-25T02:00:00.000Z', createdBy: 'admin' }],
    });
    const audited = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'publicity.channels_update').execute();
    expect(audited).toMatchObject([{ actor: 'admin', target_id: '1', outcome: 'success' }]);

    // the portal in each language; an English text left empty falls back to the Chinese one
    const zh = (await anonymous('/api/public/portal-info')).json() as z.output<typeof portalInfoAnswer>;
    expect(zh.channels.hotlines[0]!.number).toBe('400-019-8888');
    expect(zh.channels.branches.at(-1)).toEqual({
      name: '深圳福田营业部',
      address: '深圳市福田区示范街 1 号',
      hours: '工作日 9:00–17:00',
      phone: '0755-2012-3404',
    });
    const en = (await anonymous('/api/public/portal-info', { 'accept-language': 'en-US,en;q=0.9' })).json() as z.output<
      typeof portalInfoAnswer
    >;
    expect(en.language).toBe('en');
    expect(en.channels.branches.at(-1)).toMatchObject({ name: '深圳福田营业部', address: '1 Shifan Street, Futian, Shenzhen' });
    expect(en.channels.companyName).toBe('Demo Insurance & Securities');
  });

  it('refuses bad channels naming the field: a malformed phone, no hotline, a bad post code, NUL, a broken surrogate', async () => {
    const bad = (edit: (c: ReturnType<typeof structuredClone<typeof DEMO_CHANNELS>>) => void) => {
      const c = structuredClone(DEMO_CHANNELS);
      edit(c);
      return asAdmin('PUT', '/api/publicity/channels', c);
    };
    expectFieldError(await bad((c) => (c.hotlines[0]!.number = 'call us')), 400, 'hotlines.0.number');
    expectFieldError(await bad((c) => (c.hotlines = [])), 400, 'hotlines');
    expectFieldError(await bad((c) => (c.postal.postCode = '2001')), 400, 'postal.postCode');
    expectFieldError(await bad((c) => (c.email = 'not an address')), 400, 'email');
    expectFieldError(await bad((c) => (c.website.url = 'javascript:alert(1)')), 400, 'website.url');
    const nul = await bad((c) => (c.branches[0]!.name.zh = 'a\u0000b'));
    expect(fieldCode(expectFieldError(nul, 400, 'branches.0.name.zh'))).toBe('invalid_characters');
    const surrogate = await bad((c) => (c.companyName.en = 'x\uD800y'));
    expect(fieldCode(expectFieldError(surrogate, 400, 'companyName.en'))).toBe('invalid_characters');
    expect((await asAdmin('GET', '/api/publicity/channels/history')).json()).toMatchObject({ items: [{ version: 1 }] });
  });

  it('only administrators edit the channels', async () => {
    expect((await t.inject({ method: 'GET', url: '/api/publicity/channels' }, 'agent')).statusCode).toBe(403);
  });
});

describe('process numbers from the policy in force (R-G3)', () => {
  it('the portal shows the policy numbers, and the new ones once a new policy version is published', async () => {
    const before = (await anonymous('/api/public/portal-info')).json() as z.output<typeof portalInfoAnswer>;
    expect(before.process).toMatchObject({
      acknowledgment: { amount: 1, unit: 'working_days' },
      levels: [
        { level: 1, answer: { amount: 10, unit: 'working_days' } },
        { level: 2, answer: { amount: 10, unit: 'working_days' } },
        { level: 3, answer: { amount: 5, unit: 'working_days' } },
      ],
      regulatory: { decisionDays: 15, extendedDays: 30 },
      reopen: { formalReviewFromRound: 3 },
      externalRoutes: [
        { sector: 'insurance', number: '12378' },
        { sector: 'securities', number: '12386' },
      ],
    });
    const policy = (await asAdmin('GET', '/api/policy')).json() as {
      policy: Record<string, unknown> & { clocks: Record<string, unknown> };
    };
    const next = structuredClone(policy.policy) as {
      clocks: Record<string, { amount: number; unit: string }>;
      regulatory: { decisionDays: number; extendedDays: number; maxDays: number };
      reopen: { formalReviewFromRound: number };
    };
    next.clocks.l3_answer = { amount: 3, unit: 'working_days' };
    next.regulatory.decisionDays = 12;
    next.reopen.formalReviewFromRound = 4;
    const published = await asAdmin('PUT', '/api/policy', { policy: next, reason: '门户流程测试' });
    expect(published.statusCode).toBe(201);
    const after = (await anonymous('/api/public/portal-info')).json() as z.output<typeof portalInfoAnswer>;
    expect(after.process.policyVersion).toBe(before.process.policyVersion + 1);
    expect(after.process.levels[2]).toEqual({ level: 3, answer: { amount: 3, unit: 'working_days' } });
    expect(after.process.regulatory.decisionDays).toBe(12);
    expect(after.process.reopen.formalReviewFromRound).toBe(4);
  });
});

describe('articles (R-G3)', () => {
  it('sanitises the body on the server: no script, event handler, javascript: URL, style or foreign image is stored or served', async () => {
    const img = (await upload()).json() as { id: string; url: string };
    const dirty = [
      '<h2 onclick="steal()">标题</h2><script>alert(1)</script>',
      '<p style="color:red" class="x">正文<img src="x" onerror="alert(2)"></p>',
      '<p><a href="javascript:alert(3)">坏链接</a> <a href="https://www.demo-insurance.example/claims">好链接</a></p>',
      `<p><img src="${img.url}" alt="示意图" onload="x()"><img src="https://tracker.example/p.gif"></p>`,
      '<style>body{display:none}</style><iframe src="https://evil.example"></iframe><svg><script>1</script></svg>',
    ].join('');
    const res = await asAdmin('POST', '/api/publicity/articles', article({ bodyHtml: dirty }));
    expect(res.statusCode).toBe(201);
    const saved = res.json() as Article;
    const stored = await t.db.selectFrom('publicity_articles').select('body_html').where('id', '=', saved.id).executeTakeFirstOrThrow();
    for (const html of [saved.bodyHtml, stored.body_html]) {
      expect(html).not.toMatch(/script|onclick|onerror|onload|javascript:|style|iframe|svg|tracker\.example|class=/i);
      expect(html).toContain('<h2>标题</h2>');
      expect(html).toContain(
        '<a href="https://www.demo-insurance.example/claims" target="_blank" rel="noopener noreferrer nofollow">好链接</a>',
      );
      expect(html).toContain(`<img src="${img.url}" alt="示意图" />`);
    }
    await asAdmin('POST', `/api/publicity/articles/${saved.id}/publish`);
    const pub = (await anonymous(`/api/public/articles/${saved.id}`)).json() as z.output<typeof publicArticle>;
    expect(pub.bodyHtml).not.toMatch(/script|onerror|javascript:/i);
    expect(pub.bodyHtml).toContain(`<img src="/api/public/articles/images/${img.id}" alt="示意图" />`);
  });

  it('drafts and their images are not public; published ones are; unpublishing hides them again', async () => {
    const cover = (await upload()).json() as { id: string; url: string };
    const inBody = (await upload()).json() as { id: string; url: string };
    const created = await asAdmin(
      'POST',
      '/api/publicity/articles',
      article({ title: '草稿文章', bodyHtml: `<p>图片：<img src="${inBody.url}" alt="x"></p>`, coverImageId: cover.id }),
    );
    expect(created.statusCode).toBe(201);
    const draft = created.json() as Article;
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null, coverImageUrl: cover.url });

    // staff see the draft's images; the public sees neither the draft nor its images
    expect((await asAdmin('GET', inBody.url)).statusCode).toBe(200);
    expect((await anonymous(inBody.url)).statusCode).toBe(401);
    expect((await anonymous(`/api/public/articles/${draft.id}`)).statusCode).toBe(404);
    for (const id of [cover.id, inBody.id]) expect((await anonymous(`/api/public/articles/images/${id}`)).statusCode).toBe(404);
    const list = () =>
      anonymous('/api/public/articles').then((r) => (r.json() as z.output<typeof publicArticleList>).items.map((a) => a.id));
    expect(await list()).not.toContain(draft.id);

    const published = await asAdmin('POST', `/api/publicity/articles/${draft.id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: '2026-11-25T02:00:00.000Z', publishedBy: 'admin' });
    expect(await list()).toContain(draft.id);
    const image = await anonymous(`/api/public/articles/images/${inBody.id}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(PNG)).toBe(true);
    expect((await anonymous(`/api/public/articles/images/${cover.id}`)).statusCode).toBe(200);

    await asAdmin('POST', `/api/publicity/articles/${draft.id}/unpublish`);
    expect((await anonymous(`/api/public/articles/${draft.id}`)).statusCode).toBe(404);
    expect((await anonymous(`/api/public/articles/images/${inBody.id}`)).statusCode).toBe(404);
    const actions = await t.db.selectFrom('audit_log').select('action').where('target_id', '=', draft.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['publicity.article_create', 'publicity.article_publish', 'publicity.article_unpublish']);
  });

  it("lists the reader's language, falling back to Chinese when there is none in it", async () => {
    const en = (await anonymous('/api/public/articles?language=en')).json() as z.output<typeof publicArticleList>;
    expect(en.items.length).toBeGreaterThan(0);
    expect(en.items.every((a) => a.language === 'en')).toBe(true);
    await t.db.updateTable('publicity_articles').set({ status: 'draft', published_at: null }).where('language', '=', 'en').execute();
    const fallback = (await anonymous('/api/public/articles', { 'accept-language': 'en' })).json() as z.output<typeof publicArticleList>;
    expect(fallback.items.length).toBeGreaterThan(0);
    expect(fallback.items.every((a) => a.language === 'zh-CN')).toBe(true);
  });

  it('refuses what is not an image, too large, unknown images, an empty body, NUL and broken Unicode, naming the field', async () => {
    const html = await upload(Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    expect(html.statusCode).toBe(415);
    expect(html.json()).toMatchObject({ code: 'publicity_image_not_allowed' });
    expect((await upload(Buffer.alloc(3 * 1024 * 1024, 1), 'image/png')).statusCode).toBe(413);
    expect((await asAdmin('POST', '/api/publicity/images', { not: 'a file' })).statusCode).toBe(415);

    const unknown = '00000000-0000-4000-8000-0000000000aa';
    expectFieldError(await asAdmin('POST', '/api/publicity/articles', article({ coverImageId: unknown })), 400, 'coverImageId');
    expectFieldError(
      await asAdmin('POST', '/api/publicity/articles', article({ bodyHtml: `<p>x<img src="/api/publicity/images/${unknown}"></p>` })),
      400,
      'bodyHtml',
    );
    expectFieldError(await asAdmin('POST', '/api/publicity/articles', article({ bodyHtml: '<script>alert(1)</script>' })), 400, 'bodyHtml');
    expectFieldError(await asAdmin('POST', '/api/publicity/articles', article({ title: '' })), 400, 'title');
    expectFieldError(await asAdmin('POST', '/api/publicity/articles', article({ language: 'fr' })), 400, 'language');
    const nul = await asAdmin('POST', '/api/publicity/articles', article({ title: 'a\u0000' }));
    expect(fieldCode(expectFieldError(nul, 400, 'title'))).toBe('invalid_characters');
    const broken = await asAdmin('POST', '/api/publicity/articles', article({ bodyHtml: '<p>\uDC00</p>' }));
    expect(fieldCode(expectFieldError(broken, 400, 'bodyHtml'))).toBe('invalid_characters');
    expect((await asAdmin('GET', '/api/publicity/articles/not-a-uuid')).statusCode).toBe(400);
  });

  it('edits keep the publication date; deleting removes the article', async () => {
    const a = (await asAdmin('POST', '/api/publicity/articles', article({ title: '待删除' }))).json() as Article;
    await asAdmin('POST', `/api/publicity/articles/${a.id}/publish`);
    t.setNow('2026-11-26T02:00:00Z');
    const edited = await asAdmin('PUT', `/api/publicity/articles/${a.id}`, article({ title: '已修改', language: 'en' }));
    expect(edited.json()).toMatchObject({ title: '已修改', language: 'en', status: 'published', publishedAt: '2026-11-25T02:00:00.000Z' });
    expect((await asAdmin('DELETE', `/api/publicity/articles/${a.id}`)).statusCode).toBe(200);
    expect((await asAdmin('GET', `/api/publicity/articles/${a.id}`)).statusCode).toBe(404);
  });
});
