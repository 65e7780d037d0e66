/**
 * The response schemas are an allow-list (#10 item 1): the serializer parses every answer with the
 * route's schema and sends what the parse returns, so a field the schema does not declare never
 * reaches the client, whatever the service hands over. Here the complaints table gets a new column
 * and the complaint view is made careless: the summary and the detail carry the whole stored row
 * (the new column, the contact in clear, the search text, the keyed hashes) plus a mapped copy of
 * the new column and an extra field in the complainant. None of it is sent.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { findUser } from '../../db/repositories/user.repository.js';
import { complaintDetail as viewDetail } from '../../services/complaints/complaint-view.js';
import { principalOf } from '../../services/people/principal.service.js';
import type { ComplaintDetailAnswer, LedgerPageAnswer } from '../schemas/complaint.responses.js';
import { complaintDetail as detailSchema, complaintSummary as summarySchema, complainantView } from '../schemas/complaint.responses.js';

const SECRET = 'leak-7f3a9c';
const PHONE = '13812349876';

vi.mock(import('../../services/complaints/complaint-view.js'), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    // the ledger rows: the stored row spread under the summary
    complaintSummary: (...args: Parameters<typeof real.complaintSummary>) => ({ ...args[0], ...real.complaintSummary(...args) }),
    // the detail: the stored row read again, a mapped copy of the new column, an extra complainant field
    complaintDetail: async (...args: Parameters<typeof real.complaintDetail>) => {
      const detail = await real.complaintDetail(...args);
      const row = await args[0].db.selectFrom('complaints').selectAll().where('id', '=', detail.id).executeTakeFirstOrThrow();
      const stored: Record<string, unknown> = row;
      return {
        ...row,
        ...detail,
        secretNote: stored.secret_note,
        complainant: { ...detail.complainant, phoneInClear: row.complainant_phone },
      };
    },
  };
});

let t: TestApp;
let id = '';

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  await sql`ALTER TABLE complaints ADD COLUMN secret_note text NOT NULL DEFAULT ${sql.lit(SECRET)}`.execute(t.db);
  const res = await t.inject({
    method: 'POST',
    url: '/api/complaints',
    payload: complaintBody({ complainant: { name: '白名单', phone: PHONE } }),
  });
  expect(res.statusCode, res.body).toBe(201);
  expectOnlyDeclared(res.body, res.json<ComplaintDetailAnswer>());
  id = res.json<ComplaintDetailAnswer>().id;
});
afterAll(async () => t.close());

/** Nothing of the row beyond the schema: not the new column, not the contact in clear, no stored column name. */
function expectOnlyDeclared(text: string, detail: Record<string, unknown>): void {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(PHONE);
  expect(text).not.toMatch(/secret|phoneInClear|complainant_phone|search_text|contact_keys|_hash|row_version/);
  expect(Object.keys(detail).filter((k) => !(k in detailSchema.shape))).toEqual([]);
}

describe('a field the response schema does not declare never reaches the client', () => {
  it('the careless view does hand the new column and the contact in clear to the route', async () => {
    const tester = await findUser(t.db, { username: 'tester' });
    if (!tester) throw new Error('no test user tester');
    const handed: Record<string, unknown> = await viewDetail(t.ctx, await principalOf(t.db, tester), id);
    expect(handed).toMatchObject({ secret_note: SECRET, secretNote: SECRET, complainant_phone: PHONE });
    expect(handed.complainant).toMatchObject({ phoneInClear: PHONE, masked: true });
  });

  it('GET /api/complaints/{id} sends the declared fields only, the complainant masked', async () => {
    const res = await t.inject({ method: 'GET', url: `/api/complaints/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ComplaintDetailAnswer>();
    expectOnlyDeclared(res.body, body);
    expect(Object.keys(body.complainant).sort()).toEqual(Object.keys(complainantView.shape).sort());
    expect(body.complainant.masked).toBe(true);
  });

  it('the ledger sends the declared fields of each row only', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/complaints?total=true' });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<LedgerPageAnswer>();
    expect(page.items.map((i) => i.id)).toEqual([id]);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain(PHONE);
    expect(res.body).not.toMatch(/secret|complainant_phone|search_text|contact_keys|_hash|row_version/);
    expect(Object.keys(page).sort()).toEqual(['items', 'nextCursor', 'total', 'totalEstimated']);
    expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(Object.keys(summarySchema.shape).sort());
  });

  it('a workflow step and an unmask answer through the same allow-list', async () => {
    const step = await t.inject({ method: 'POST', url: `/api/complaints/${id}/assign`, payload: { tracker: 'tester' } });
    expect(step.statusCode, step.body).toBe(200);
    expectOnlyDeclared(step.body, step.json<ComplaintDetailAnswer>());
    // unmasked on purpose: the phone shows, as the complainant's declared field, and nothing else does
    const unmask = await t.inject({ method: 'POST', url: `/api/complaints/${id}/unmask`, payload: { reason: '核实身份' } });
    expect(unmask.statusCode, unmask.body).toBe(200);
    const body = unmask.json<ComplaintDetailAnswer>();
    expect(body.complainant).toMatchObject({ phone: PHONE, masked: false });
    expect(unmask.body).not.toContain(SECRET);
    expect(unmask.body.split(PHONE)).toHaveLength(2);
    expect(Object.keys(body.complainant).sort()).toEqual(Object.keys(complainantView.shape).sort());
  });
});
