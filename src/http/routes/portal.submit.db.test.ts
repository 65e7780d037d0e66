/**
 * Online submission (#12 item 1, R-B1, R-B2, R-B4) through the real app on real PostgreSQL: a
 * verified contact submits a complaint with files as multipart/form-data; the receipt names the
 * number, the expected answer date and days; the acknowledgment is queued through the outbox to the
 * verified contact; a refused file names itself and writes nothing; bad input in the JSON part is a
 * 400 naming the field; one complaint per verification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { EXE, formPayload, PDF, PNG, portalToken, postForm } from '../../../test/portal-support.js';
import { dispatchOutboxRow } from '../../services/channels/outbox-dispatch.service.js';

let t: TestApp;
let client = 0;
const newClient = () => `10.2.0.${++client}`;
let phone = 13812340000;
const newPhone = () => String(++phone);

type ErrorBody = { code: string; message: string; fields: Array<{ field: string; code: string; message: string }> };
interface Receipt {
  number: string;
  receivedAt: string;
  expectedBy: string;
  expectedDays: number;
  token: string;
}

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const complaint = (overrides: Record<string, unknown> = {}) => ({
  channel: 'web',
  name: '钱七',
  businessLine: 'property_casualty',
  category: 'claims_dispute',
  description: '车险理赔金额与定损结果不符，要求重新核定。',
  requestedRemedy: '按实际维修费用赔付',
  ...overrides,
});

async function submitToken(contact: string, ip: string): Promise<string> {
  return portalToken(t.app, t.ctx, { purpose: 'submit', contact }, ip, contact.toLowerCase());
}

async function submit(
  token: string | null,
  fields: Record<string, string>,
  files: (typeof PDF)[] = [],
  ip = newClient(),
  headers: Record<string, string> = {},
) {
  const form = await formPayload(fields, files);
  return postForm(t.app, '/api/public/complaints', form, ip, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
}

const count = async (table: 'complaints' | 'evidence_files' | 'complaint_records') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/public/complaints (R-B1, R-B2, R-B4)', () => {
  it('registers the complaint with two files and the verified phone; the receipt and the acknowledgment name the number and date', async () => {
    const ip = newClient();
    const contact = newPhone();
    const token = await submitToken(contact, ip);
    const res = await submit(
      token,
      { complaint: JSON.stringify(complaint({ email: 'qian7@example.com', phone: '13999999999' })) },
      [PDF, PNG],
      ip,
    );
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json<Receipt>();
    expect(Object.keys(receipt).sort()).toEqual(['expectedBy', 'expectedDays', 'number', 'receivedAt', 'token']);
    expect(receipt.number).toMatch(/^[A-Z]+20261125\d{4}$/);
    expect(receipt.receivedAt).toBe('2026-11-25T02:00:00.000Z');
    expect(receipt.expectedBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(receipt.expectedBy > '2026-11-25').toBe(true);
    expect(receipt.expectedDays).toBe(15);

    const c = await t.db.selectFrom('complaints').selectAll().where('number', '=', receipt.number).executeTakeFirstOrThrow();
    expect(c).toMatchObject({
      channel: 'web',
      status: 'registered',
      created_by: 'portal',
      assignee: null,
      tracker: null,
      complainant_name: '钱七',
      // the verified phone wins over the one typed; the e-mail typed besides it is kept
      complainant_phone: contact,
      complainant_email: 'qian7@example.com',
    });
    const files = await t.db
      .selectFrom('evidence_files')
      .select(['name', 'content_type', 'size'])
      .where('complaint_id', '=', c.id)
      .orderBy('name')
      .execute();
    expect(files).toEqual([
      { name: 'photo.png', content_type: 'image/png', size: PNG.bytes.length },
      { name: '保单.pdf', content_type: 'application/pdf', size: PDF.bytes.length },
    ]);
    const events = await t.db.selectFrom('complaint_events').select('type').where('complaint_id', '=', c.id).execute();
    expect(events.map((e) => e.type)).toContain('attachments_received');

    // the acknowledgment goes out by the complaint.registered outbox row, to the verified contact
    const row = await t.db
      .selectFrom('outbox')
      .select(['id'])
      .where('idempotency_key', '=', `complaint.registered:${c.id}`)
      .executeTakeFirstOrThrow();
    expect(await dispatchOutboxRow(t.ctx, String(row.id))).toBe(true);
    const ack = await t.db
      .selectFrom('messages')
      .selectAll()
      .where('complaint_id', '=', c.id)
      .where('purpose', '=', 'acknowledgment')
      .executeTakeFirstOrThrow();
    expect(ack).toMatchObject({ recipient_kind: 'complainant', template: 'complainant.acknowledgment', status: 'queued' });
    expect(ack.params).toMatchObject({ number: receipt.number, expectedBy: receipt.expectedBy });

    // the receipt's token tracks the new complaint, and so does the submit token now
    for (const bearer of [receipt.token, token]) {
      const view = await t.app.inject({
        method: 'GET',
        url: `/api/public/complaints/${receipt.number}`,
        remoteAddress: ip,
        headers: { authorization: `Bearer ${bearer}` },
      });
      expect(view.statusCode, view.body).toBe(200);
    }
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'public.submit')
      .where('ip', '=', ip)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ outcome: 'success', target_id: receipt.number })]);
    expect(JSON.stringify(audit)).not.toContain(contact);
  });

  it('one complaint per verification: a retry answers the same number, another complaint is 409', async () => {
    const ip = newClient();
    const token = await submitToken('Once@Example.com', ip);
    const first = await submit(token, { complaint: JSON.stringify(complaint({ channel: 'app' })) }, [], ip);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await submit(token, { complaint: JSON.stringify(complaint({ channel: 'app' })) }, [], ip);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json<Receipt>().number).toBe(first.json<Receipt>().number);
    const other = await submit(token, { complaint: JSON.stringify(complaint({ channel: 'app', description: '另一件事' })) }, [], ip);
    expect(other.statusCode).toBe(409);
    expect(other.json<ErrorBody>().code).toBe('portal_session_used');
    const c = await t.db.selectFrom('complaints').selectAll().where('number', '=', first.json<Receipt>().number).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ channel: 'app', complainant_email: 'once@example.com', complainant_phone: null });
  });

  it('a file of a type no complaint takes: 415 naming the file, and nothing is written', async () => {
    const ip = newClient();
    const token = await submitToken(newPhone(), ip);
    const before = await Promise.all([count('complaints'), count('evidence_files'), count('complaint_records')]);
    const res = await submit(token, { complaint: JSON.stringify(complaint()) }, [PDF, EXE], ip, { 'accept-language': 'en' });
    expect(res.statusCode, res.body).toBe(415);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('file_type_not_allowed');
    expect(body.fields).toEqual([expect.objectContaining({ field: 'files[1]', code: 'file_type_not_allowed' })]);
    expect(await Promise.all([count('complaints'), count('evidence_files'), count('complaint_records')])).toEqual(before);
    // the session was not used: the customer fixes the file and submits
    const again = await submit(token, { complaint: JSON.stringify(complaint()) }, [PDF], ip);
    expect(again.statusCode, again.body).toBe(201);
  });

  it('bad input in the complaint part is a 400 naming the field; nothing is registered', async () => {
    const ip = newClient();
    const token = await submitToken(newPhone(), ip);
    const before = await count('complaints');
    const cases: Array<[string, string, string]> = [
      // NUL and a lone surrogate escaped inside the JSON
      [JSON.stringify(complaint({ description: 'a\u0000b' })), 'complaint.description', 'invalid_characters'],
      [JSON.stringify(complaint({ name: 'x\ud800y' })), 'complaint.name', 'invalid_characters'],
      // a NUL in the part itself
      [`${JSON.stringify(complaint())}\u0000`, 'complaint', 'invalid_characters'],
      ['{"channel": "web", "name": ', 'complaint', 'invalid_json'],
      [JSON.stringify(complaint({ category: 'no_such_category' })), 'complaint.category', 'unknown_code'],
      [JSON.stringify(complaint({ category: 'securities_trading' })), 'complaint.category', 'category_not_of_business_line'],
      [JSON.stringify(complaint({ channel: 'hotline' })), 'complaint.channel', 'invalid_value'],
      [JSON.stringify(complaint({ description: undefined })), 'complaint.description', 'required'],
      [JSON.stringify(complaint({ amount: '12.345' })), 'complaint.amount', 'amount_too_many_decimals'],
      [JSON.stringify(complaint({ level: 1 })), 'complaint', 'unrecognized_keys'],
    ];
    for (const [part, field, code] of cases) {
      const res = await submit(token, { complaint: part }, [], ip);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json<ErrorBody>().fields, part).toContainEqual(expect.objectContaining({ field, code }));
    }
    const missing = await submit(token, {}, [], ip);
    expect(missing.json<ErrorBody>().fields).toContainEqual(expect.objectContaining({ field: 'complaint', code: 'required' }));
    const unknownPart = await submit(token, { complaint: JSON.stringify(complaint()), level: '1' }, [], ip);
    expect(unknownPart.statusCode).toBe(400);
    const en = await submit(token, { complaint: JSON.stringify(complaint({ category: 'no_such_category' })) }, [], ip, {
      'accept-language': 'en',
    });
    expect(en.json<ErrorBody>().fields[0]?.message).toMatch(/^complaint\.category: /);
    expect(await count('complaints')).toBe(before);
  });

  it('without a submit session: 401, before the form is read; JSON instead of a form: 415', async () => {
    const ip = newClient();
    const none = await submit(null, { complaint: JSON.stringify(complaint()) }, [PDF], ip);
    expect(none.statusCode).toBe(401);
    expect(none.json<ErrorBody>()).toMatchObject({ code: 'portal_session_required', fields: [{ field: 'Authorization' }] });
    const forged = await submit('x'.repeat(43), { complaint: JSON.stringify(complaint()) }, [], ip);
    expect(forged.statusCode).toBe(401);
    const json = await t.app.inject({ method: 'POST', url: '/api/public/complaints', payload: complaint(), remoteAddress: ip });
    expect(json.statusCode).toBe(415);
    expect(json.json<ErrorBody>().code).toBe('multipart_required');
    // a track session cannot submit
    const c = await t.db
      .selectFrom('complaints')
      .select(['number', 'complainant_phone'])
      .where('created_by', '=', 'portal')
      .where('complainant_phone', 'is not', null)
      .executeTakeFirstOrThrow();
    const track = await portalToken(
      t.app,
      t.ctx,
      { purpose: 'track', number: c.number, contact: c.complainant_phone },
      ip,
      c.complainant_phone ?? '',
    );
    expect((await submit(track, { complaint: JSON.stringify(complaint()) }, [], ip)).statusCode).toBe(401);
  });
});
