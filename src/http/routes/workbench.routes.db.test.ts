/**
 * Issue #5's server side of the agent workspace: the workbench (R-E1, R-E3), the intake preview
 * (R-B7, R-C1), the complainant lookup by contact, saved ledger views and the xlsx export (R-B5, R-H2).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const register = async (overrides: Record<string, unknown> = {}, as = 'agent') => {
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(overrides) }, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; level: number };
};
const count = async () => Number((await t.db.selectFrom('complaints').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

interface Section {
  total: number;
  items: Array<{ number: string }>;
}
interface Workbench {
  mine: Section | null;
  dueSoon: Section | null;
  overdue: Section | null;
  exceptions: Section | null;
  notifications: { unread: number; items: unknown[] };
}

describe('intake preview (R-B7, R-C1)', () => {
  it('answers the level, every rule and the clocks without writing anything', async () => {
    const before = await count();
    const res = await t.inject({ method: 'POST', url: '/api/complaints/preview', payload: complaintBody({ riskFlags: ['reputational'], amount: '3500.00' }) }, 'agent');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { level: number; reasons: Array<{ rule: string }>; clocks: Array<{ kind: string; dueAt: string }>; duplicates: unknown[] };
    expect(body.level).toBe(1);
    expect(body.reasons.map((r) => r.rule)).toContain('flag_reputational');
    expect(body.clocks.map((c) => c.kind)).toContain('regulatory');
    expect(body.duplicates).toEqual([]);
    expect(await count()).toBe(before);
  });

  it('names an earlier complaint of the same complainant in scope and counts those outside it', async () => {
    const first = await register({ complainant: { name: '王五', phone: '139 0000 2222' } }, 'agent');
    const res = await t.inject({ method: 'POST', url: '/api/complaints/preview', payload: complaintBody({ complainant: { name: '王五', phone: '+86 13900002222' } }) }, 'agent');
    const body = res.json() as { duplicates: Array<{ number: string }>; hiddenDuplicates: number; reasons: Array<{ rule: string }> };
    expect(body.duplicates.map((d) => d.number)).toEqual([first.number]);
    expect(body.reasons.map((r) => r.rule)).toContain('repeat_complaint');
    // the branch agent did not register it and it is not in their branch: counted, not named
    const branch = await t.inject({ method: 'POST', url: '/api/complaints/preview', payload: complaintBody({ complainant: { name: '王五', phone: '13900002222' } }) }, 'branch');
    expect(branch.json()).toMatchObject({ duplicates: [], hiddenDuplicates: 1 });
  });

  it('bad input is a 400 naming the field, in Chinese and English', async () => {
    const zh = await t.inject({ method: 'POST', url: '/api/complaints/preview', payload: complaintBody({ amount: '-1' }) }, 'agent');
    expect(zh.statusCode).toBe(400);
    expect(zh.json().fields[0].field).toBe('amount');
    const en = await t.inject({ method: 'POST', url: '/api/complaints/preview', headers: { 'accept-language': 'en' }, payload: complaintBody({ category: 'nope' }) }, 'agent');
    expect(en.statusCode).toBe(400);
    expect(en.json().fields).toEqual([expect.objectContaining({ field: 'category' })]);
    expect(en.json().message).toMatch(/[a-z]/);
  });
});

describe('complainant lookup: the ledger by contact', () => {
  it('finds earlier complaints by phone whatever its spelling, and by e-mail case-insensitively', async () => {
    const a = await register({ complainant: { name: '赵六', phone: '137-0000-3333' } });
    const b = await register({ channel: 'email', complainant: { name: '赵六', email: 'Zhao.Liu@Example.com' } });
    const byPhone = await t.inject({ method: 'GET', url: `/api/complaints?contact=${encodeURIComponent('+86 137 0000 3333')}` }, 'agent');
    expect((byPhone.json().items as Array<{ number: string }>).map((i) => i.number)).toEqual([a.number]);
    const byMail = await t.inject({ method: 'GET', url: '/api/complaints?contact=zhao.liu@example.com' }, 'agent');
    expect((byMail.json().items as Array<{ number: string }>).map((i) => i.number)).toEqual([b.number]);
  });

  it('a contact that is neither a phone nor an e-mail is a 400 on the field', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/complaints?contact=abcdef' }, 'agent');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('querystring.contact');
  });
});

describe('workbench (R-E1, R-E3)', () => {
  it('counts my complaints, what falls due soon and what is overdue, within my scope', async () => {
    const wb0 = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'supervisor')).json() as Workbench;
    const mine = await register({ urgent: true }, 'supervisor');
    const wb1 = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'supervisor')).json() as Workbench;
    expect(wb1.mine?.total).toBe((wb0.mine?.total ?? 0) + 1);
    expect(wb1.mine?.items.map((i) => i.number)).toContain(mine.number);
    // the urgent initial response is due within hours: due soon now, overdue a day later
    expect(wb1.dueSoon?.items.map((i) => i.number)).toContain(mine.number);
    t.setNow('2026-11-27T02:00:00Z');
    const later = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'supervisor')).json() as Workbench;
    expect(later.overdue?.items.map((i) => i.number)).toContain(mine.number);
    expect(later.dueSoon?.items.map((i) => i.number) ?? []).not.toContain(mine.number);
    t.setNow('2026-11-25T02:00:00Z');
  });

  it('the counts equal the ledger views the sections open', async () => {
    const wb = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'agent')).json() as Workbench;
    const open = 'status=registered,assigned,investigating,resolving,feedback_sent';
    const ledger = async (q: string) => (await t.inject({ method: 'GET', url: `/api/complaints?${open}&${q}&total=true` }, 'agent')).json().total as number;
    expect(wb.mine?.total).toBe(await ledger('mine=true'));
    expect(wb.overdue?.total).toBe(await ledger('overdue=true'));
    expect(wb.dueSoon?.total).toBe(await ledger('dueWithinHours=24&overdue=false'));
  });

  it('an administrator (no complaint access) gets notifications only', async () => {
    const wb = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'admin')).json() as Workbench;
    expect(wb).toMatchObject({ mine: null, dueSoon: null, overdue: null, exceptions: null });
    expect(typeof wb.notifications.unread).toBe('number');
  });

  it('a level-1 complaint shows in the supervisor\'s unread notifications', async () => {
    await register({ riskFlags: ['reputational'] }, 'agent');
    const wb = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'supervisor')).json() as Workbench;
    expect(wb.notifications.unread).toBeGreaterThan(0);
  });
});

describe('saved views', () => {
  it('saves, lists, replaces by name and deletes only one\'s own', async () => {
    const saved = await t.inject({ method: 'POST', url: '/api/saved-views', payload: { name: '我的逾期', query: 'overdue=true&level=1&cursor=abc', columns: ['number', 'level'] } }, 'agent');
    expect(saved.statusCode, saved.body).toBe(201);
    const view = saved.json() as { id: string; query: string };
    expect(view.query).toBe('overdue=true&level=1');
    const again = await t.inject({ method: 'POST', url: '/api/saved-views', payload: { name: '我的逾期', query: 'overdue=true' } }, 'agent');
    expect(again.json()).toMatchObject({ id: view.id, query: 'overdue=true', columns: [] });
    expect((await t.inject({ method: 'GET', url: '/api/saved-views' }, 'agent')).json().items).toHaveLength(1);
    expect((await t.inject({ method: 'GET', url: '/api/saved-views' }, 'supervisor')).json().items).toHaveLength(0);
    const foreign = await t.inject({ method: 'DELETE', url: `/api/saved-views/${view.id}` }, 'supervisor');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('saved_view_not_found');
    expect((await t.inject({ method: 'DELETE', url: `/api/saved-views/${view.id}` }, 'agent')).statusCode).toBe(204);
  });

  it('a query the ledger would refuse, an unknown column or an empty name is a 400 on the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'x', query: 'level=abc&sort=colour' }, 'query'],
      [{ name: 'x', query: 'level=7' }, 'query'],
      [{ name: 'x', query: 'receivedFrom=2026-11-02T00:00:00Z&receivedTo=2026-11-01T00:00:00Z' }, 'query'],
      [{ name: 'x', query: 'level=1', columns: ['password'] }, 'columns.0'],
      [{ name: '', query: 'level=1' }, 'name'],
      [{ name: 'x'.repeat(61), query: '' }, 'name'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.inject({ method: 'POST', url: '/api/saved-views', payload }, 'agent');
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect((res.json().fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    }
  });
});

describe('xlsx export (R-B5, R-H2)', () => {
  const read = async (buffer: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    return rows;
  };

  it('exports the current filter within the scope, in the asked language, and logs it', async () => {
    await register({ riskFlags: ['reputational'] }, 'agent');
    const total = (await t.inject({ method: 'GET', url: '/api/complaints?level=1&total=true' }, 'agent')).json().total as number;
    const res = await t.inject({ method: 'GET', url: '/api/complaints/export?level=1&sort=number&order=asc' }, 'agent');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const rows = await read(res.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['投诉编号', '受理时间', '等级']);
    expect(rows).toHaveLength(total + 1);
    expect(rows.slice(1).every((r) => r[2] === '一级')).toBe(true);
    // no phone number anywhere in the file
    expect(rows.flat().some((c) => /1[3-9]\d{9}/.test(c))).toBe(false);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'complaint.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: 'agent', outcome: 'success', details: { rows: total, filter: { level: [1] } } });

    const en = await t.inject({ method: 'GET', url: '/api/complaints/export?level=1', headers: { 'accept-language': 'en' } }, 'agent');
    expect((await read(en.rawPayload))[0]?.slice(0, 3)).toEqual(['Number', 'Received', 'Level']);
  });

  it('the branch agent exports only their branch', async () => {
    const own = await register({}, 'branch');
    const rows = await read((await t.inject({ method: 'GET', url: '/api/complaints/export' }, 'branch')).rawPayload);
    const listed = (await t.inject({ method: 'GET', url: '/api/complaints?total=true' }, 'branch')).json().total as number;
    expect(rows).toHaveLength(listed + 1);
    expect(rows.map((r) => r[0])).toContain(own.number);
  });

  it('bad filters are a 400 naming the parameter; a handler may not export', async () => {
    const bad = await t.inject({ method: 'GET', url: '/api/complaints/export?level=7' }, 'agent');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('querystring.level');
    expect((await t.inject({ method: 'GET', url: '/api/complaints/export' }, 'handler')).statusCode).toBe(403);
  });
});
