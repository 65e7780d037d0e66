/**
 * The assessment workbook streams (#16 item 5, R-E6): the sheet of complaint numbers behind each
 * line, read a keyset page at a time, holds the same rows whatever the page size, equal to the
 * line numbers read in one query.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { tell } from '../../../test/kpi-scenario.js';
import { scopeFilter, type ScopeFilter } from '../../domain/access/permissions.js';
import type { Database } from '../../db/database.js';
import { scopeSql } from '../../db/repositories/complaint-scope.js';
import { findUser } from '../../db/repositories/user.repository.js';
import { principalOf } from '../people/principal.service.js';
import { exportAssessmentXlsx } from './assessment-export.service.js';
import { ASSESSMENT_SHEETS } from './assessment-xlsx.js';

/** The reference for the paged reader: for each line of these subjects, the numbers of the complaints behind it (in the reader's scope) and whether each is counted. */
async function assessmentLineNumbers(
  db: Database,
  id: string,
  seqs: readonly number[],
  scope: ScopeFilter,
): Promise<Array<{ subject_seq: number; code: string; number: string; counted: boolean }>> {
  if (seqs.length === 0) return [];
  const { rows } = await sql<{ subject_seq: number; code: string; number: string; counted: boolean }>`
    SELECT l.subject_seq, l.code, c.number, c.id = ANY(l.hit_ids) AS counted
    FROM assessment_lines l
    CROSS JOIN LATERAL unnest(l.base_ids || l.hit_ids) AS u(id)
    JOIN complaints c ON c.id = u.id
    WHERE l.assessment_id = ${id} AND l.subject_seq = ANY(${sql.val([...seqs])}::int[]) AND ${scopeSql(scope, 'c')}
    GROUP BY l.subject_seq, l.code, c.number, c.id, l.hit_ids
    ORDER BY l.subject_seq, l.code, c.number`.execute(db);
  return rows;
}

let t: TestApp;
let assessmentId: string;
const meta = { ip: null, userAgent: 'test' };

beforeAll(async () => {
  t = await createTestApp('2026-11-02T02:00:00Z');
  const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T02:00:00Z`;
  for (const [i, handler] of ['agent', 'agent', 'supervisor', 'agent'].entries()) {
    await tell(t, { received: day(2 + 3 * i), handler, feedback: day(3 + 3 * i), satisfied: true, close: day(4 + 3 * i) });
  }
  t.setNow('2026-12-01T02:00:00Z');
  const res = await t.inject({ method: 'POST', url: '/api/assessments', payload: { periodKind: 'month', period: '2026-11' } }, 'leader');
  expect(res.statusCode, res.body).toBe(201);
  assessmentId = res.json<{ id: string }>().id;
}, 60_000);
afterAll(async () => t.close());

async function behind(stream: Readable): Promise<string[]> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(Object.values(ASSESSMENT_SHEETS));
  const rows = (book.getWorksheet(ASSESSMENT_SHEETS.complaints)!.getSheetValues().filter(Boolean) as unknown[][]).slice(1);
  return rows.map((r) => `${String(r[1])}|${String(r[2])}|${String(r[3])}|${String(r[4] ?? '')}`);
}

describe('streamed assessment workbook (#16 item 5)', () => {
  it('the numbers behind each line are the same in pages of 1 as in one read (R-E6)', async () => {
    const leader = await principalOf(t.db, (await findUser(t.db, { username: 'leader' }))!);
    const one = await exportAssessmentXlsx(t.ctx, meta, leader, assessmentId, 1);
    const big = await exportAssessmentXlsx(t.ctx, meta, leader, assessmentId);
    const paged = await behind(one.stream);
    expect(paged.length).toBeGreaterThan(8);
    expect(await behind(big.stream)).toEqual(paged);

    const subjects = await t.db.selectFrom('assessment_subjects').select('seq').where('assessment_id', '=', assessmentId).execute();
    const all = await assessmentLineNumbers(
      t.db,
      assessmentId,
      subjects.map((s) => s.seq),
      scopeFilter(leader),
    );
    expect(paged.map((r) => r.split('|').slice(2).join('|')).sort()).toEqual(all.map((r) => `${r.number}|${r.counted ? '是' : ''}`).sort());
  });
});
