/**
 * Periodic assessments (#14 item 5, R-E6): opening one freezes every subject's figures, targets,
 * weights, scores and the complaints behind each figure; the snapshot never follows later data; a
 * leader signs it off once, after which nothing about it can change (the database refuses it too);
 * it exports as xlsx; readers see the subjects they may see.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { tell } from '../../../test/kpi-scenario.js';
import type {
  assessmentDetailAnswer,
  assessmentLineComplaintsAnswer,
  assessmentListAnswer,
  kpiAnswer,
} from '../../http/schemas/assessment.schemas.js';

type Detail = z.output<typeof assessmentDetailAnswer>;

let t: TestApp;
let cs: string;
let assessmentId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp('2026-11-02T02:00:00Z');
  cs = (await t.db.selectFrom('org_units').select('id').where('code', '=', 'CS').executeTakeFirstOrThrow()).id;
  ids.onTime = await tell(t, {
    received: '2026-11-02T02:00:00Z',
    handler: 'agent',
    feedback: '2026-11-03T02:00:00Z',
    satisfied: true,
    close: '2026-11-04T02:00:00Z',
  });
  ids.late = await tell(t, {
    received: '2026-11-02T03:00:00Z',
    handler: 'agent',
    feedback: '2026-11-12T03:00:00Z',
    satisfied: false,
    reopen: '2026-11-13T02:00:00Z',
  });
  ids.open = await tell(t, { received: '2026-11-16T02:00:00Z', handler: 'supervisor' });
  t.setNow('2026-12-01T02:00:00Z');
});
afterAll(async () => t.close());

const open = (body: Record<string, unknown>, as = 'inspector') => t.inject({ method: 'POST', url: '/api/assessments', payload: body }, as);
const read = (id: string, as = 'leader') => t.inject({ method: 'GET', url: `/api/assessments/${id}` }, as);
const line = (d: Detail, kind: string, id: string, code: string) => {
  const s = d.subjects.find((x) => x.kind === kind && x.id === id)!;
  return { subject: s, line: s.lines.find((l) => l.code === code)! };
};

describe('periodic assessment (#14 item 5, R-E6)', () => {
  it('only an ended month or quarter, written as its kind', async () => {
    expect((await open({ periodKind: 'month', period: '2026-12', departmentId: cs })).json()).toMatchObject({
      code: 'assessment_period_not_ended',
    });
    expect((await open({ periodKind: 'quarter', period: '2026-Q4', departmentId: cs })).statusCode).toBe(409);
    const bad = await open({ periodKind: 'quarter', period: '2026-11', departmentId: cs });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'assessment_period_invalid' });
  });

  it('R-E6: opening freezes every figure with its target, weight and score, equal to the live KPIs', async () => {
    const res = await open({ periodKind: 'month', period: '2026-11', departmentId: cs });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Detail>();
    assessmentId = d.id;
    expect(d).toMatchObject({
      status: 'frozen',
      period: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      department: { id: cs },
      createdBy: 'inspector',
      // the inspector opens, a leader signs
      canSign: false,
    });
    const live = (await t.inject({ method: 'GET', url: `/api/kpis?from=2026-11-01&to=2026-11-30&department=${cs}` }, 'leader')).json<
      z.output<typeof kpiAnswer>
    >();
    expect((await read(d.id, 'leader')).json<Detail>().canSign).toBe(true);
    const dept = d.subjects.find((s) => s.kind === 'department')!;
    expect(dept.score).toBe(live.subject.score);
    expect(dept.lines.map(({ complaints: _c, counted: _n, ...l }) => l)).toEqual(live.subject.lines);
    expect(d.subjects.filter((s) => s.kind === 'person').map((s) => s.id)).toEqual(expect.arrayContaining(['agent', 'supervisor']));
    expect(line(d, 'department', cs, 'volume').line).toMatchObject({ value: 3, complaints: 3 });
    expect(line(d, 'department', cs, 'reopen_rate').line).toMatchObject({ value: 0.3333, complaints: 3, counted: 1 });
    // one per period and subject
    expect((await open({ periodKind: 'month', period: '2026-11', departmentId: cs })).json()).toMatchObject({ code: 'assessment_exists' });
  });

  it('R-E6: every figure lists exactly the complaints behind it, its numerator marked', async () => {
    const d = (await read(assessmentId)).json<Detail>();
    const { subject } = line(d, 'department', cs, 'reopen_rate');
    const res = await t.inject(
      { method: 'GET', url: `/api/assessments/${assessmentId}/subjects/${subject.seq}/lines/reopen_rate/complaints` },
      'leader',
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<z.output<typeof assessmentLineComplaintsAnswer>>();
    expect(body.items.map((c) => c.id).sort()).toEqual([ids.onTime, ids.late, ids.open].sort());
    expect(body.items.filter((c) => c.counted).map((c) => c.id)).toEqual([ids.late]);
    expect(body.hidden).toBe(0);
    const sup = line(d, 'person', 'supervisor', 'volume').subject;
    const theirs = await t.inject(
      { method: 'GET', url: `/api/assessments/${assessmentId}/subjects/${sup.seq}/lines/volume/complaints` },
      'leader',
    );
    expect(theirs.json<z.output<typeof assessmentLineComplaintsAnswer>>().items.map((c) => c.id)).toEqual([ids.open]);
  });

  it('R-E6: the snapshot does not follow later data', async () => {
    const before = (await read(assessmentId)).json<Detail>();
    // a back-dated letter received in November, and the open complaint answered late
    await tell(t, {
      received: '2026-11-20T02:00:00Z',
      handler: 'agent',
      feedback: '2026-12-01T03:00:00Z',
      satisfied: true,
      close: '2026-12-01T04:00:00Z',
    });
    t.setNow('2026-12-02T02:00:00Z');
    const live = (await t.inject({ method: 'GET', url: `/api/kpis?from=2026-11-01&to=2026-11-30&department=${cs}` }, 'leader')).json<
      z.output<typeof kpiAnswer>
    >();
    expect(live.subject.lines.find((l) => l.code === 'volume')!.value).toBe(4);
    const after = (await read(assessmentId)).json<Detail>();
    expect(after.subjects).toEqual(before.subjects);
  });

  it('R-E6: a leader signs it off once; then it is immutable, also in the database', async () => {
    expect((await t.inject({ method: 'POST', url: `/api/assessments/${assessmentId}/sign`, payload: {} }, 'inspector')).statusCode).toBe(
      403,
    );
    const res = await t.inject(
      { method: 'POST', url: `/api/assessments/${assessmentId}/sign`, payload: { comment: '同意，请客服部改进满意度' } },
      'senior',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>()).toMatchObject({
      status: 'signed',
      signedBy: 'senior',
      signComment: '同意，请客服部改进满意度',
      canSign: false,
    });
    expect(res.json<Detail>().signedAt).toBe('2026-12-02T02:00:00.000Z');
    const again = await t.inject({ method: 'POST', url: `/api/assessments/${assessmentId}/sign`, payload: { comment: '改' } }, 'leader');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'assessment_signed' });

    await expect(sql`UPDATE assessment_lines SET value = 1 WHERE assessment_id = ${assessmentId}`.execute(t.db)).rejects.toThrow(/frozen/);
    await expect(sql`DELETE FROM assessment_subjects WHERE assessment_id = ${assessmentId}`.execute(t.db)).rejects.toThrow(/frozen/);
    await expect(sql`UPDATE assessments SET sign_comment = 'x' WHERE id = ${assessmentId}`.execute(t.db)).rejects.toThrow(/sign-off/);
    await expect(sql`DELETE FROM assessments WHERE id = ${assessmentId}`.execute(t.db)).rejects.toThrow(/kept/);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor']).where('target_id', '=', assessmentId).execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'assessment.open', actor: 'inspector' },
        { action: 'assessment.sign', actor: 'senior' },
      ]),
    );
  });

  it('the database lets a frozen assessment change only by its sign-off', async () => {
    const res = await open({ periodKind: 'quarter', period: '2026-Q3' }, 'leader');
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<Detail>().id;
    expect(res.json<Detail>().department).toBeNull();
    await expect(sql`UPDATE assessments SET period = '2026-Q2' WHERE id = ${id}`.execute(t.db)).rejects.toThrow(/sign-off/);
  });

  it('R-E6: exports as xlsx: the figures as numbers, and the complaint numbers behind each', async () => {
    const res = await t.inject({ method: 'GET', url: `/api/assessments/${assessmentId}/export.xlsx` }, 'leader');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['考核概况', '指标明细', '指标对应投诉']);
    const rows = book.getWorksheet('指标明细')!.getSheetValues().filter(Boolean) as unknown[][];
    const volume = rows.find((r) => r[1] === '客户服务部' && r[3] === '受理量');
    expect(volume?.[4]).toBe(3);
    const numbers = (book.getWorksheet('指标对应投诉')!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r[3]);
    const { number } = await t.db.selectFrom('complaints').select('number').where('id', '=', ids.late!).executeTakeFirstOrThrow();
    expect(numbers).toContain(number);
    expect(book.getWorksheet('考核概况')!.getCell('B4').value).toBe('已签署');
  });

  it('R-E6: readers see the subjects they may see', async () => {
    const mine = (await read(assessmentId, 'agent')).json<Detail>();
    expect(mine.subjects.map((s) => s.id)).toEqual(['agent']);
    expect(mine.canSign).toBe(false);
    const dept = (await read(assessmentId, 'supervisor')).json<Detail>();
    expect(dept.subjects.map((s) => s.id)).toEqual(expect.arrayContaining([cs, 'agent', 'supervisor']));
    expect((await read(assessmentId, 'handler')).statusCode).toBe(404);
    const list = (await t.inject({ method: 'GET', url: '/api/assessments' }, 'leader')).json<z.output<typeof assessmentListAnswer>>();
    expect(list.items.map((a) => a.period)).toEqual(['2026-11', '2026-Q3']);
    expect(list.items[0]).toMatchObject({ status: 'signed', department: { id: cs } });
  });
});
