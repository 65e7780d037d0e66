import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCounts } from '../../../test/db-assertions.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { verifyLedger } from '../complaints/ledger-verify.service.js';
import { importComplaints, type ImportRowError } from './import.service.js';

const TDI_HEADER =
  'Complaint number,Complaint filed against,Complaint filed by,Reason complaint filed,Confirmed complaint,How resolved,Received date,Closed date,Complaint type,Coverage type,Coverage level,Others involved,Respondent ID,Respondent Role,Respondent type,Complainant type,Keywords';
const TDI_ROWS = [
  // 1: closed, confirmed -> upheld; two reasons -> claims dispute, causes staff_service + business_process
  '1001,State Farm Lloyds,Insured,Cust Service Claim Handling; Delays (Claims Handling),Yes,Claim Settled,5/12/2024,6/13/2024,Property and Casualty,Homeowners,Homeowners,,3105,Ins Co,Organization,INDV,HAIL',
  // 2: open (no closed date), life
  '1002,State Farm Life Insurance Company,Beneficiary,Cash Value,No,,11/2/2026,,"Life, Accident and Health",Life & Annuity,Individual Life,,1509,Ins Co,Organization,ORG,',
  // 3: refused: closed before received
  '1003,State Farm Lloyds,Insured,Denial Of Claim,No,Question of Fact,6/1/2024,5/1/2024,Property and Casualty,Homeowners,Homeowners,,3105,Ins Co,Organization,INDV,',
  // 4: refused: bad date and wrong number of cells
  '1004,State Farm Lloyds,Insured,Denial Of Claim,No,Question of Fact,13/45/2024,5/1/2024,Property and Casualty,Homeowners',
  // 5: the same complaint against a second company: another row, another id
  '1001,State Farm Mutual Automobile Insurance Company,Insured,Premium and Rating,No,Premium Refunded,5/12/2024,6/13/2024,Property and Casualty,Automobile,Individual Private Pass,,1510,Ins Co,Organization,INDV,',
  // 6: refused: repeats row 1's id
  '1001,State Farm Lloyds,Insured,Other,No,Question of Fact,5/12/2024,6/13/2024,Property and Casualty,Homeowners,Homeowners,,3105,Ins Co,Organization,INDV,',
];
const TDI_CSV = `\uFEFF${TDI_HEADER}\r\n${TDI_ROWS.join('\r\n')}\r\n`;

const CFPB_CSV = [
  'Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID,source_repo_file',
  '2023-03-01,Debt collection,I do not know,Attempts to collect debt not owed,Debt is not yours,"They called me ""every day"",\nat work.",Company believes the complaint is the result of a misunderstanding,ACME,TX,75001,Older American,Consent provided,Web,2023-03-02,Closed with explanation,Yes,N/A,9001,x.csv',
  '2026-11-20,Checking or savings account,Checking account,Managing an account,Deposits,,,BANK,NY,10001,,N/A,Phone,2026-11-20,In progress,Yes,N/A,9002,x.csv',
].join('\n');

async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => {
  await t?.close();
});

const codes = (errors: ImportRowError[]) => errors.map((e) => [e.row, e.problem]);

describe('historical import (R-H7)', () => {
  it('a dry run validates every row, reports row by row and writes nothing', async () => {
    const before = await writeCounts(t.db);
    const seen: number[] = [];
    const r = await importComplaints(t.ctx, { id: 'admin' }, chunked(TDI_CSV, 7), {
      mapping: 'tdi',
      dryRun: true,
      batchSize: 2,
      onProgress: (p) => {
        seen.push(p.rowsRead);
      },
    });
    expect(r).toMatchObject({ rowsRead: 6, rowsValid: 3, rowsFailed: 3, rowsImported: 0, rowsClosed: 2, rowsOpen: 1, rowsSkipped: 0 });
    expect(codes(r.errors)).toEqual([
      [3, 'closed_before_received'],
      [4, 'column_count'],
      [6, 'duplicate_in_file'],
    ]);
    expect(r.errors[0]).toMatchObject({ sourceId: '1003/3105', column: 'Closed date', line: 4 });
    expect(r.errors[2]).toMatchObject({ sourceId: '1001/3105', params: { firstRow: 1 } });
    expect(seen.length).toBeGreaterThan(1);
    expect(await writeCounts(t.db)).toEqual(before);
  });

  it('imports closed ones closed without clocks and open ones planned, marked and chained, and a re-run skips them', async () => {
    const r = await importComplaints(t.ctx, { id: 'admin' }, chunked(TDI_CSV, 64), { mapping: 'tdi', dryRun: false, runId: null });
    expect(r).toMatchObject({ rowsValid: 3, rowsImported: 3, rowsClosed: 2, rowsOpen: 1, rowsFailed: 3 });

    const rows = await t.db
      .selectFrom('complaints')
      .select([
        'id',
        'import_id',
        'status',
        'outcome',
        'received_at',
        'closed_at',
        'category',
        'business_line',
        'product',
        'channel',
        'level',
      ])
      .where('import_source', '=', 'tdi')
      .orderBy('import_id')
      .execute();
    expect(rows.map((c) => [c.import_id, c.status, c.outcome, c.category, c.business_line, c.product])).toEqual([
      ['1001/1510', 'closed', 'partly_upheld', 'premiums_fees', 'property_casualty', 'Automobile'],
      ['1001/3105', 'closed', 'upheld', 'claims_dispute', 'property_casualty', 'Homeowners'],
      ['1002/1509', 'registered', null, 'surrender_refund', 'life', 'Life & Annuity'],
    ]);
    // local dates of the source, at noon in the company's zone
    expect(rows[1]!.received_at.toISOString()).toBe('2024-05-12T04:00:00.000Z');
    expect(rows[1]!.closed_at?.toISOString()).toBe('2024-06-13T04:00:00.000Z');

    const clocks = await t.db
      .selectFrom('complaint_clocks')
      .select(['complaint_id', 'kind'])
      .where(
        'complaint_id',
        'in',
        rows.map((c) => c.id),
      )
      .execute();
    expect(new Set(clocks.map((c) => c.complaint_id))).toEqual(new Set([rows[2]!.id]));
    expect(clocks.map((c) => c.kind)).toContain('regulatory');

    const facts = await t.db
      .selectFrom('complaint_facts')
      .select(['id', 'imported', 'causes', 'closed_on', 'policy_due_at', 'regulatory_due_at', 'customer_group'])
      .where(
        'id',
        'in',
        rows.map((c) => c.id),
      )
      .execute();
    const factOf = (id: string) => facts.find((f) => f.id === id)!;
    expect(factOf(rows[1]!.id)).toMatchObject({
      imported: true,
      closed_on: '2024-06-13',
      policy_due_at: null,
      regulatory_due_at: null,
      customer_group: 'individual',
    });
    expect([...factOf(rows[1]!.id).causes].sort()).toEqual(['business_process', 'staff_service']);
    expect(factOf(rows[2]!.id).regulatory_due_at).not.toBeNull();

    const events = await t.db
      .selectFrom('complaint_events')
      .select(['type', 'payload'])
      .where('complaint_id', '=', rows[1]!.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['complaint_imported', 'grading_proposed']);
    expect(events[0]!.payload).toMatchObject({ source: 'tdi', sourceId: '1001/3105', outcome: 'upheld' });
    expect((await verifyLedger(t.db)).broken).toEqual([]);

    const before = await writeCounts(t.db);
    const again = await importComplaints(t.ctx, { id: 'admin' }, chunked(TDI_CSV, 1000), { mapping: 'tdi', dryRun: false });
    expect(again).toMatchObject({ rowsValid: 3, rowsImported: 0, rowsSkipped: 3 });
    expect(await writeCounts(t.db)).toEqual(before);
    const dry = await importComplaints(t.ctx, { id: 'admin' }, chunked(TDI_CSV, 1000), { mapping: 'tdi', dryRun: true });
    expect(dry).toMatchObject({ rowsSkipped: 3, rowsClosed: 0, rowsOpen: 0 });
  });

  it('maps the CFPB data: narrative with quotes and line breaks kept, open ones planned, channel and causes', async () => {
    const r = await importComplaints(t.ctx, { id: 'admin' }, chunked(CFPB_CSV, 5), { mapping: 'cfpb', dryRun: false });
    expect(r).toMatchObject({ rowsRead: 2, rowsImported: 2, rowsClosed: 1, rowsOpen: 1, rowsFailed: 0 });
    const rows = await t.db
      .selectFrom('complaints')
      .select(['import_id', 'status', 'channel', 'business_line', 'category', 'outcome', 'description', 'customer_group', 'closed_at'])
      .where('import_source', '=', 'cfpb')
      .orderBy('import_id')
      .execute();
    expect(rows[0]).toMatchObject({ import_id: '9001', status: 'closed', channel: 'web', business_line: 'margin_financing' });
    expect(rows[0]).toMatchObject({ category: 'marketing_harassment', outcome: 'not_upheld', customer_group: 'senior' });
    expect(rows[0]!.description).toContain('They called me "every day",\nat work.');
    expect(rows[0]!.description).toContain('Company: ACME');
    expect(rows[1]).toMatchObject({
      import_id: '9002',
      status: 'registered',
      channel: 'hotline',
      business_line: 'brokerage',
      closed_at: null,
    });
  });

  it('refuses a file without the mapping columns as a whole', async () => {
    const r = await importComplaints(t.ctx, { id: 'admin' }, chunked('a,b\n1,2\n', 100), { mapping: 'tdi', dryRun: true });
    expect(r.fileError).toMatchObject({ problem: 'missing_columns' });
    expect(r.rowsRead).toBe(0);
  });
});
