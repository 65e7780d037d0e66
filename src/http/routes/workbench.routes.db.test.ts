/**
 * Issue #5's server side of the agent workspace: the workbench (R-E1, R-E3), the intake preview
 * (R-B7, R-C1), the complainant lookup by contact, saved ledger views and the xlsx export (R-B5, R-H2).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { sweepClocks } from '../../services/workflow/sweeper.service.js';
import type { errorResponse } from '../schemas/common.js';
import type { ComplaintDetailAnswer, ComplaintPreviewAnswer, LedgerPageAnswer } from '../schemas/complaint.responses.js';
import type { SavedViewAnswer, WorkbenchAnswer } from '../schemas/workbench.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const register = async (overrides: Record<string, unknown> = {}, as = 'agent') => {
  const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody(overrides) }, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ComplaintDetailAnswer>();
};
const count = async () =>
  Number(
    (
      await t.db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

type Workbench = WorkbenchAnswer;
type ErrorAnswer = z.output<typeof errorResponse>;

describe('intake preview (R-B7, R-C1)', () => {
  it('answers the level, every rule and the clocks without writing anything', async () => {
    const before = await count();
    const res = await t.inject(
      { method: 'POST', url: '/api/complaints/preview', payload: complaintBody({ riskFlags: ['reputational'], amount: '3500.00' }) },
      'agent',
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ComplaintPreviewAnswer>();
    expect(body.level).toBe(1);
    expect(body.reasons.map((r) => r.rule)).toContain('flag_reputational');
    expect(body.clocks.map((c) => c.kind)).toContain('regulatory');
    expect(body.duplicates).toEqual([]);
    expect(await count()).toBe(before);
  });

  it('names an earlier complaint of the same complainant in scope and counts those outside it', async () => {
    const first = await register({ complainant: { name: '王五', phone: '139 0000 2222' } }, 'agent');
    const res = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints/preview',
        payload: complaintBody({ complainant: { name: '王五', phone: '+86 13900002222' } }),
      },
      'agent',
    );
    const body = res.json<ComplaintPreviewAnswer>();
    expect(body.duplicates.map((d) => d.number)).toEqual([first.number]);
    expect(body.reasons.map((r) => r.rule)).toContain('repeat_complaint');
    // the branch agent did not register it and it is not in their branch: counted, not named
    const branch = await t.inject(
      { method: 'POST', url: '/api/complaints/preview', payload: complaintBody({ complainant: { name: '王五', phone: '13900002222' } }) },
      'branch',
    );
    expect(branch.json()).toMatchObject({ duplicates: [], hiddenDuplicates: 1 });
  });

  it('bad input is a 400 naming the field, in Chinese and English', async () => {
    const zh = await t.inject({ method: 'POST', url: '/api/complaints/preview', payload: complaintBody({ amount: '-1' }) }, 'agent');
    expect(zh.statusCode).toBe(400);
    expect(zh.json().fields[0].field).toBe('amount');
    const en = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints/preview',
        headers: { 'accept-language': 'en' },
        payload: complaintBody({ category: 'nope' }),
      },
      'agent',
    );
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
    expect(byPhone.json<LedgerPageAnswer>().items.map((i) => i.number)).toEqual([a.number]);
    const byMail = await t.inject({ method: 'GET', url: '/api/complaints?contact=zhao.liu@example.com' }, 'agent');
    expect(byMail.json<LedgerPageAnswer>().items.map((i) => i.number)).toEqual([b.number]);
  });

  it('a contact that is neither a phone nor an e-mail is a 400 on the field', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/complaints?contact=abcdef' }, 'agent');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('querystring.contact');
  });
});

describe('workbench (R-E1, R-E3)', () => {
  it('counts my complaints, what falls due soon and what is overdue, within my scope', async () => {
    const wb0 = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'supervisor')).json<Workbench>();
    const mine = await register({ urgent: true }, 'supervisor');
    const wb1 = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'supervisor')).json<Workbench>();
    expect(wb1.mine?.total).toBe((wb0.mine?.total ?? 0) + 1);
    expect(wb1.mine?.items.map((i) => i.number)).toContain(mine.number);
    // the urgent initial response is due within hours: due soon now, overdue a day later
    expect(wb1.dueSoon?.items.map((i) => i.number)).toContain(mine.number);
    t.setNow('2026-11-27T02:00:00Z');
    const later = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'supervisor')).json<Workbench>();
    expect(later.overdue?.items.map((i) => i.number)).toContain(mine.number);
    expect(later.dueSoon?.items.map((i) => i.number) ?? []).not.toContain(mine.number);
    t.setNow('2026-11-25T02:00:00Z');
  });

  it('the counts equal the ledger views the sections open', async () => {
    const wb = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'agent')).json<Workbench>();
    const open = 'status=registered,assigned,investigating,resolving,feedback_sent';
    const ledger = async (q: string) =>
      (await t.inject({ method: 'GET', url: `/api/complaints?${open}&${q}&total=true` }, 'agent')).json<LedgerPageAnswer>().total;
    expect(wb.mine?.total).toBe(await ledger('mine=true'));
    expect(wb.overdue?.total).toBe(await ledger('overdue=true'));
    expect(wb.dueSoon?.total).toBe(await ledger('dueWithinHours=24&overdue=false'));
  });

  it('an administrator (no complaint access) gets notifications only', async () => {
    const wb = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'admin')).json<Workbench>();
    expect(wb).toMatchObject({ mine: null, dueSoon: null, overdue: null, exceptions: null });
    expect(typeof wb.notifications.unread).toBe('number');
  });

  it("a level-1 complaint shows in the supervisor's unread notifications", async () => {
    await register({ riskFlags: ['reputational'] }, 'agent');
    const wb = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'supervisor')).json<Workbench>();
    expect(wb.notifications.unread).toBeGreaterThan(0);
  });
});

describe("my to-do: also what waits for a decision of the user's roles (#9 item 8, R-C3, R-D1, R-D3)", () => {
  const act = async (id: string, action: string, payload: Record<string, unknown>, as = 'agent') => {
    const res = await t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, as);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };
  const todoTotal = async (as: string) => (await t.inject({ method: 'GET', url: '/api/workbench' }, as)).json<Workbench>().mine?.total ?? 0;
  /** the ledger view the section opens (mine=true), every row */
  const todo = async (as: string) => {
    const res = await t.inject({ method: 'GET', url: '/api/complaints?mine=true&limit=200' }, as);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LedgerPageAnswer>().items.map((i) => i.number);
  };
  let claimsId = '';
  let phone = 13600000000;
  const fresh = (overrides: Record<string, unknown> = {}) =>
    register({ complainant: { name: '待办', phone: String((phone += 1)) }, ...overrides });

  beforeAll(async () => {
    const units = (await t.inject({ method: 'GET', url: '/api/org-units?kind=department' }, 'admin')).json() as
      { items?: Array<{ id: string; code: string }> } | Array<{ id: string; code: string }>;
    claimsId = (Array.isArray(units) ? units : (units.items ?? [])).find((u) => u.code === 'CLAIMS')?.id ?? '';
    expect(claimsId).not.toBe('');
  });

  it('the leader: a level-1 complaint until the leadership meeting and plan are recorded', async () => {
    const before = await todoTotal('leader');
    const c = await fresh({ riskFlags: ['reputational'] });
    expect(c.level).toBe(1);
    expect(await todoTotal('leader')).toBe(before + 1);
    expect(await todo('leader')).toContain(c.number);
    await act(
      c.id,
      'record-meeting',
      {
        heldAt: '2026-11-25T01:50:00Z',
        attendees: ['leader', 'supervisor'],
        decisions: '理赔部牵头复核',
        owners: ['handler'],
        departmentIds: [claimsId],
        milestones: [{ title: '调取理赔档案', owner: 'handler', dueAt: '2026-11-27T04:00:00Z' }],
      },
      'leader',
    );
    expect(await todo('leader')).not.toContain(c.number);
  });

  it("approvers: a pending extension request, then compensation proposals by band, not one's own", async () => {
    const c = await fresh();
    await act(c.id, 'assign', { departmentIds: [claimsId] }, 'supervisor');
    await act(c.id, 'start-investigation', {});
    expect(await todo('supervisor')).not.toContain(c.number);
    await act(c.id, 'request-extension', { days: 2, reason: '需调取第三方定损报告' });
    expect(await todo('supervisor')).toContain(c.number);
    expect(await todo('leader')).toContain(c.number);
    expect(await todo('senior')).toContain(c.number);
    // the handler who cannot approve does not wait on it
    expect(await todo('handler')).not.toContain(c.number);
    const request = await t.db
      .selectFrom('complaint_records')
      .select('id')
      .where('complaint_id', '=', c.id)
      .where('kind', '=', 'extension_request')
      .executeTakeFirstOrThrow();
    await act(c.id, 'decide-extension', { requestId: request.id, approved: true }, 'supervisor');
    expect(await todo('supervisor')).not.toContain(c.number);
    expect(await todo('senior')).not.toContain(c.number);

    await act(c.id, 'record-findings', { findings: '定损金额低于实际维修费用', conclusion: 'upheld' });
    await act(c.id, 'propose-compensation', { amount: '150000', basis: '按维修发票差额赔付' });
    // the leadership band: the leadership group decides, not a supervisor
    expect(await todo('leader')).toContain(c.number);
    expect(await todo('supervisor')).not.toContain(c.number);
    await act(c.id, 'propose-compensation', { amount: '8000', basis: '交通费补偿' });
    expect(await todo('supervisor')).toContain(c.number);
    // a senior manager approves extensions, not compensations
    expect(await todo('senior')).not.toContain(c.number);
    // whoever proposed does not wait on their own proposal (tester is also a supervisor and a leader)
    const own = await fresh();
    await act(own.id, 'assign', { departmentIds: [claimsId] }, 'supervisor');
    await act(own.id, 'start-investigation', {});
    await act(own.id, 'record-findings', { findings: '属实', conclusion: 'upheld' });
    await act(own.id, 'propose-compensation', { amount: '9000', basis: '补偿' }, 'tester');
    expect(await todo('tester')).not.toContain(own.number);
    expect(await todo('supervisor')).toContain(own.number);
  });

  it('the workbench count is the ledger view it opens, for every role', async () => {
    for (const as of ['leader', 'supervisor', 'senior', 'agent']) {
      const open = 'status=registered,assigned,investigating,resolving,feedback_sent';
      const ledger = (await t.inject({ method: 'GET', url: `/api/complaints?${open}&mine=true&total=true` }, as)).json().total as number;
      expect(await todoTotal(as), as).toBe(ledger);
    }
  });
});

describe('the overdue list names the breached deadline (#9 item 8)', () => {
  it('each overdue complaint carries the clock that is late and its due time, not the next one', async () => {
    t.setNow('2026-11-25T02:00:00Z');
    const c = await register({ urgent: true, complainant: { name: '逾期', phone: '13611112222' } }, 'supervisor');
    t.setNow('2026-11-27T02:00:00Z');
    await sweepClocks(t.ctx);
    const now = t.now().getTime();
    const wb = (await t.inject({ method: 'GET', url: '/api/workbench' }, 'supervisor')).json<Workbench>();
    expect(wb.overdue?.items.length).toBeGreaterThan(0);
    for (const item of wb.overdue?.items ?? []) {
      expect(item.overdueClock, item.number).not.toBeNull();
      expect(new Date(item.overdueClock?.dueAt ?? '').getTime(), item.number).toBeLessThan(now);
    }
    const listed = (await t.inject({ method: 'GET', url: '/api/complaints?overdue=true&limit=200' }, 'supervisor')).json<LedgerPageAnswer>()
      .items;
    const mine = listed.find((i) => i.number === c.number);
    expect(mine?.overdueClock).toMatchObject({ kind: 'urgent_initial_response', status: 'breached' });
    // the next deadline still running lies ahead: that is not what made it overdue
    expect(new Date(mine?.nextDue?.dueAt ?? 0).getTime()).toBeGreaterThan(now);
    t.setNow('2026-11-25T02:00:00Z');
  });
});

describe('saved views', () => {
  it("saves, lists, replaces by name and deletes only one's own", async () => {
    const saved = await t.inject(
      {
        method: 'POST',
        url: '/api/saved-views',
        payload: { name: '我的逾期', query: 'overdue=true&level=1&cursor=abc', columns: ['number', 'level'] },
      },
      'agent',
    );
    expect(saved.statusCode, saved.body).toBe(201);
    const view = saved.json<SavedViewAnswer>();
    expect(view.query).toBe('overdue=true&level=1');
    const again = await t.inject(
      { method: 'POST', url: '/api/saved-views', payload: { name: '我的逾期', query: 'overdue=true' } },
      'agent',
    );
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
      expect(res.json<ErrorAnswer>().fields.map((f) => f.field)).toContain(field);
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
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'complaint.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
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
