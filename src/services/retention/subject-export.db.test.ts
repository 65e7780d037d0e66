/**
 * Data subject access (PIPL art. 45; #15 item 4) on real PostgreSQL: the administrator finds a
 * person's complaints by phone, ID number, e-mail or name (normalised, exact), masked; the export
 * holds every complaint of that person and nothing of anyone else; both are audited; anonymised
 * complaints are listed and exported as such; only the administrator may do it.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ComplaintDetailAnswer } from '../../http/schemas/complaint.responses.js';
import type { subjectSearchAnswer } from '../../http/schemas/retention.schemas.js';
import { readZip } from './subject-export-zip.testkit.js';

type Search = z.output<typeof subjectSearchAnswer>;

let t: TestApp;
const T0 = '2026-11-25T02:00:00.000Z';
let mine: ComplaintDetailAnswer[];
let other: ComplaintDetailAnswer;

async function register(complainant: Record<string, unknown>, description = '理赔争议，要求重新核定。'): Promise<ComplaintDetailAnswer> {
  const res = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ receivedAt: T0, complainant, description }) },
    'agent',
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ComplaintDetailAnswer>();
}

beforeAll(async () => {
  t = await createTestApp(T0);
  mine = [
    await register({ name: '李四', phone: '13911112222', idType: 'resident_id', idNumber: '110101199003071234' }, '第一件投诉'),
    await register({ name: '李四', phone: '+86 139-1111-2222', email: 'Li.Si@example.com' }, '第二件投诉'),
    await register({ name: '李四', email: 'li.si@EXAMPLE.com' }, '第三件投诉'),
  ];
  other = await register({ name: '王麻子', phone: '13600001111', email: 'wang@example.com' }, '他人的投诉');
  // the second one was anonymised by the retention sweep (a factory: the engine is tested on its own)
  await sql`UPDATE complaints SET anonymised_at = ${'2026-11-20T02:00:00Z'}::timestamptz WHERE id = ${mine[1]!.id}`.execute(t.db);
});
afterAll(async () => t.close());

const search = (body: Record<string, unknown>, as = 'admin') =>
  t.inject({ method: 'POST', url: '/api/personal-data/search', payload: body }, as);
const exportZip = (body: Record<string, unknown>, as = 'admin') =>
  t.inject({ method: 'POST', url: '/api/personal-data/export', payload: body }, as);

describe('data subject search', () => {
  it('finds by phone with any formatting, masked, and marks the anonymised one', async () => {
    const res = await search({ phone: '139 1111 2222' });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<Search>();
    expect(s.items.map((i) => i.number).sort()).toEqual([mine[0]!.number, mine[1]!.number].sort());
    expect(s.items[0]?.phone).toBe('139****2222');
    expect(s.items.find((i) => i.number === mine[1]!.number)).toMatchObject({ anonymised: true, matchedBy: ['phone'] });
    expect(JSON.stringify(s)).not.toContain('13911112222');
  });

  it('finds by e-mail case-insensitively, by ID number and by name; any given identifier matches', async () => {
    expect((await search({ email: 'LI.SI@example.com' })).json<Search>().total).toBe(2);
    const byId = (await search({ idNumber: '110101 19900307 1234' })).json<Search>();
    expect(byId.items.map((i) => i.number)).toEqual([mine[0]!.number]);
    expect(byId.items[0]?.idNumber).not.toContain('19900307');
    expect((await search({ name: ' 李四 ' })).json<Search>().total).toBe(3);
    expect((await search({ idNumber: '110101199003071234', email: 'li.si@example.com' })).json<Search>().total).toBe(3);
    expect((await search({})).json()).toMatchObject({ code: 'subject_query_empty' });
  });

  it('is the administrator only, and audited with the query masked', async () => {
    for (const who of ['leader', 'auditor', 'agent', 'inspector'])
      expect((await search({ phone: '13911112222' }, who)).statusCode, who).toBe(403);
    const rows = await t.db.selectFrom('audit_log').select(['details']).where('action', '=', 'personal_data.search').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('13911112222');
  });
});

describe('data subject export', () => {
  it("holds every complaint of the person and none of anyone else's, streamed as a zip and audited", async () => {
    const res = await exportZip({ name: '李四', reason: '客户依《个人信息保护法》第45条申请查阅（工单 DS-1）' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['x-export-complaints']).toBe('3');
    const files = readZip(res.rawPayload);
    const names = [...files.keys()];
    for (const c of mine) {
      expect(names).toContain(`${c.number}/complaint.json`);
      expect(names).toContain(`${c.number}/timeline.txt`);
      expect(names).toContain(`${c.number}/correspondence.txt`);
      expect(names).toContain(`${c.number}/files.csv`);
    }
    expect(names.some((n) => n.startsWith(other.number))).toBe(false);
    const all = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    expect(all).not.toContain('王麻子');
    expect(all).not.toContain('13600001111');
    expect(all).not.toContain('他人的投诉');

    const first = JSON.parse(files.get(`${mine[0]!.number}/complaint.json`)!.toString()) as Record<string, unknown>;
    expect(first).toMatchObject({ number: mine[0]!.number, description: '第一件投诉', anonymised: false });
    expect(first.complainant).toMatchObject({ name: '李四', phone: '13911112222', idNumber: '110101199003071234' });
    const index = JSON.parse(files.get('index.json')!.toString()) as { complaints: Array<{ number: string; anonymised: boolean }> };
    expect(index.complaints.find((c) => c.number === mine[1]!.number)?.anonymised).toBe(true);
    expect(files.get(`${mine[0]!.number}/timeline.txt`)!.toString()).toContain('received');

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('action', '=', 'personal_data.export')
      .where('outcome', '=', 'success')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'admin', details: { reason: '客户依《个人信息保护法》第45条申请查阅（工单 DS-1）' } });
    expect((audit[0]!.details as { numbers: string[] }).numbers.sort()).toEqual(mine.map((c) => c.number).sort());
  });

  it('exports only the chosen matches; an id that is not a match is never read', async () => {
    const res = await exportZip({ phone: '13911112222', reason: 'DS-2', complaintIds: [mine[0]!.id, other.id] });
    expect(res.statusCode, res.body).toBe(200);
    const names = [...readZip(res.rawPayload).keys()];
    expect(names.filter((n) => n.endsWith('/complaint.json'))).toEqual([`${mine[0]!.number}/complaint.json`]);
  });

  it('adds the files themselves when asked', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
    const b = 'subject-export-boundary';
    const payload = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="note"\r\n\r\n客户来信扫描件\r\n`),
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="files"; filename="定损单.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    const up = await t.inject(
      {
        method: 'POST',
        url: `/api/complaints/${mine[0]!.id}/attachments`,
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${b}` },
      },
      'agent',
    );
    expect(up.statusCode, up.body).toBe(201);
    const res = await exportZip({ idNumber: '110101199003071234', reason: 'DS-3', includeFiles: true });
    const files = readZip(res.rawPayload);
    expect(files.get(`${mine[0]!.number}/files.csv`)!.toString()).toContain('定损单.pdf');
    const stored = [...files.entries()].find(([n]) => n.startsWith(`${mine[0]!.number}/files/`) && n.endsWith('定损单.pdf'));
    expect(stored?.[1].equals(pdf)).toBe(true);
  });

  it('requires a reason and the permission', async () => {
    expect((await exportZip({ phone: '13911112222' })).statusCode).toBe(400);
    expect((await exportZip({ phone: '13911112222', reason: 'x' }, 'leader')).statusCode).toBe(403);
  });
});
