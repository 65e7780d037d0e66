import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFieldError, writeCounts } from '../../../test/db-assertions.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { parseCsv } from '../../domain/imports/csv-parser.js';
import { executeImportRun } from '../../services/imports/import-runs.service.js';

const HEADER =
  'Complaint number,Complaint filed against,Complaint filed by,Reason complaint filed,Confirmed complaint,How resolved,Received date,Closed date,Complaint type,Coverage type,Coverage level,Others involved,Respondent ID,Respondent Role,Respondent type,Complainant type,Keywords';
const CSV = [
  HEADER,
  '2001,State Farm Lloyds,Insured,Denial Of Claim,No,Question of Fact,3/2/2025,4/1/2025,Property and Casualty,Homeowners,Homeowners,,3105,Ins Co,Organization,INDV,',
  '2002,State Farm Lloyds,Insured,Premium and Rating,Yes,Premium Refunded,3/5/2025,3/20/2025,Property and Casualty,Automobile,Individual Private Pass,,3105,Ins Co,Organization,INDV,',
  '2003,State Farm Lloyds,Insured,Other,No,Question of Fact,not a date,3/20/2025,Property and Casualty,Automobile,Individual Private Pass,,3105,Ins Co,Organization,INDV,',
].join('\n');

function upload(fields: Record<string, string>, file: { name: string; type: string; content: string } | null): InjectOptions {
  const b = 'import-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  if (file)
    parts.push(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
    );
  return {
    method: 'POST',
    url: '/api/imports',
    payload: `${parts.join('')}--${b}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  };
}

interface Run {
  id: string;
  status: string;
  dryRun: boolean;
  rowsRead: number;
  rowsValid: number;
  rowsImported: number;
  rowsFailed: number;
  progress: number;
  carriedOutBy: string | null;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => {
  await t?.close();
});

describe('import routes (R-H7)', () => {
  it('uploads a dry run, reports it row by row, then carries it out for real once', async () => {
    const before = await writeCounts(t.db);
    const res = await t.inject(upload({ mapping: 'tdi', dryRun: 'true' }, { name: 'tdi.csv', type: 'text/csv', content: CSV }));
    expect(res.statusCode).toBe(202);
    const dry = res.json<Run>();
    expect(dry).toMatchObject({ status: 'queued', dryRun: true, progress: 0 });

    await executeImportRun(t.ctx, dry.id);
    const done = (await t.inject({ method: 'GET', url: `/api/imports/${dry.id}` })).json<Run>();
    expect(done).toMatchObject({ status: 'done', rowsRead: 3, rowsValid: 2, rowsFailed: 1, rowsImported: 0, progress: 1 });
    expect((await writeCounts(t.db)).complaints).toBe(before.complaints);

    const errors = await t.inject({ method: 'GET', url: `/api/imports/${dry.id}/errors.csv`, headers: { 'accept-language': 'en-US' } });
    expect(errors.statusCode).toBe(200);
    expect(errors.headers['content-type']).toContain('text/csv');
    const lines = parseCsv(errors.body).map((r) => r.fields);
    expect(lines[0]).toEqual(['row', 'source id', 'column', 'code', 'problem']);
    expect(lines[1]!.slice(0, 4)).toEqual(['3', '2003/3105', 'Received date', 'invalid_date']);
    const zh = await t.inject({ method: 'GET', url: `/api/imports/${dry.id}/errors.csv` });
    expect(zh.body).toContain('日期无效');

    const real = await t.inject({ method: 'POST', url: `/api/imports/${dry.id}/run` });
    expect(real.statusCode).toBe(202);
    const realRun = real.json<Run>();
    await executeImportRun(t.ctx, realRun.id);
    expect((await t.inject({ method: 'GET', url: `/api/imports/${realRun.id}` })).json<Run>()).toMatchObject({
      status: 'done',
      dryRun: false,
      rowsImported: 2,
    });
    expect((await writeCounts(t.db)).complaints).toBe(before.complaints + 2);
    const list = (await t.inject({ method: 'GET', url: '/api/imports' })).json<{ items: Run[] }>().items;
    expect(list.find((r) => r.id === dry.id)?.carriedOutBy).toBe(realRun.id);

    // once only; a real run is no dry run
    expect((await t.inject({ method: 'POST', url: `/api/imports/${dry.id}/run` })).statusCode).toBe(409);
    expect((await t.inject({ method: 'POST', url: `/api/imports/${realRun.id}/run` })).statusCode).toBe(409);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'complaint.import').execute();
    expect(audit.map((a) => a.target_id)).toEqual(expect.arrayContaining([dry.id, realRun.id]));
  });

  it('refuses a file without the mapping columns, an unknown mapping and a missing file, naming the field', async () => {
    const missing = await t.inject(upload({ mapping: 'cfpb' }, { name: 'tdi.csv', type: 'text/csv', content: CSV }));
    const body = expectFieldError(missing, 400, 'file');
    expect(body.code).toBe('import_missing_columns');
    expectFieldError(await t.inject(upload({ mapping: 'xyz' }, { name: 'a.csv', type: 'text/csv', content: CSV })), 400, 'mapping');
    expectFieldError(await t.inject(upload({ mapping: 'tdi' }, null)), 400, 'file');
    expect((await t.inject({ method: 'GET', url: '/api/imports/not-a-uuid' })).statusCode).toBe(400);
    expect((await t.inject({ method: 'GET', url: '/api/imports/00000000-0000-4000-8000-000000000009' })).statusCode).toBe(404);
  });

  it('exports the ledger as CSV, streamed, with the same filter, masking and audit as the workbook (R-H7)', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/complaints/export.csv?imported=true', headers: { 'accept-language': 'en-US' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-export-rows']).toBe('2');
    expect(res.body.startsWith('\uFEFFNumber,Received,Level,Status')).toBe(true);
    const rows = parseCsv(res.body);
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).every((r) => r.fields[3] === 'Closed')).toBe(true);
    const xlsx = await t.inject({ method: 'GET', url: '/api/complaints/export?imported=true' });
    expect(xlsx.headers['x-export-rows']).toBe('2');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'complaint.export')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(audit.map((a) => (a.details as { format: string }).format).sort()).toEqual(['csv', 'xlsx']);
  });
});
