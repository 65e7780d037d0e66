/**
 * Personal data (issue #3 item 5, R-H1, PIPL): masked in every response, unmasked only by an
 * explicit request with a reason that is recorded as an event and in the audit log; ID document
 * and account numbers encrypted at rest, still findable by exact value through a keyed hash, and
 * re-encrypted on key rotation.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeySpec, keyedHash, parseKeyRing } from '../../security/pii-crypto.js';
import { complainantOf, UNREADABLE, protectStoredPersonalData } from '../../services/complaints/personal-data.service.js';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { expectFieldError } from '../../../test/db-assertions.js';
import { TEST_KEYS } from '../../../test/test-constants.js';
import type { AuditPageAnswer } from '../schemas/administration.responses.js';
import type { ComplaintDetailAnswer, ComplaintEventsAnswer, LedgerPageAnswer } from '../schemas/complaint.responses.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
});
afterAll(async () => t.close());

const PLAIN = {
  name: '王小明',
  phone: '13812345678',
  email: 'wang.xiaoming@example.com',
  address: '北京市东城区王府井大街1号',
  idType: 'resident_id',
  idNumber: '110101199003071234',
  account: '6222021234567890123',
};
const MASKED = {
  name: '王小明',
  phone: '138****5678',
  email: 'w***@example.com',
  address: '北京市东城区****',
  idType: 'resident_id',
  idNumber: '110***********1234',
  account: '***************0123',
  masked: true,
};
const SECRETS = [PLAIN.phone, PLAIN.email, PLAIN.address, PLAIN.idNumber, PLAIN.account];
const X_ID = '44030519851225003X';

/** The plain values found in a text (none, if masking holds). */
const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

let id = '';
let number = '';
let xId = '';
const detail = async (target: string, as = 'agent') => {
  const res = await t.inject({ method: 'GET', url: `/api/complaints/${target}` }, as);
  expect(res.statusCode).toBe(200);
  return res;
};
const events = async (as = 'agent') => {
  const res = await t.inject({ method: 'GET', url: `/api/complaints/${id}/events` }, as);
  expect(res.statusCode).toBe(200);
  return { text: res.body, items: res.json<ComplaintEventsAnswer>().items };
};
const unmask = (payload: Record<string, unknown>, as = 'agent') =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/unmask`, payload }, as);
const search = async (query: string) => {
  const res = await t.inject({ method: 'GET', url: `/api/complaints?total=true&${query}` }, 'agent');
  expect(res.statusCode).toBe(200);
  const body = res.json<LedgerPageAnswer>();
  return { ids: body.items.map((i) => i.id).sort(), total: body.total, text: res.body };
};
const viewedCount = async () => (await events()).items.filter((e) => e.type === 'personal_data_viewed').length;

describe('masking in responses', () => {
  it('the 201 response shows the complainant masked and no plain value', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: PLAIN }) }, 'agent');
    expect(res.statusCode).toBe(201);
    const body = res.json<ComplaintDetailAnswer>();
    id = body.id;
    number = body.number;
    expect(body.complainant).toEqual(MASKED);
    expect(leaks(res.body)).toEqual([]);
    const other = await t.inject(
      {
        method: 'POST',
        url: '/api/complaints',
        payload: complaintBody({
          category: 'premiums_fees',
          complainant: { name: '李四', phone: '13900001234', idType: 'resident_id', idNumber: X_ID },
        }),
      },
      'agent',
    );
    expect(other.statusCode).toBe(201);
    xId = other.json<ComplaintDetailAnswer>().id;
    expect(other.json<ComplaintDetailAnswer>().complainant).toMatchObject({ idNumber: '440***********003X', account: null, masked: true });
  });

  it('GET by id or number, as any reader in scope, is masked', async () => {
    for (const [target, as] of [
      [id, 'agent'],
      [number, 'agent'],
      [id, 'supervisor'],
      [id, 'auditor'],
    ] as const) {
      const res = await detail(target, as);
      expect(res.json<ComplaintDetailAnswer>().complainant).toEqual(MASKED);
      expect(leaks(res.body)).toEqual([]);
    }
  });

  it('ledger items and the history never carry plain personal data', async () => {
    const listed = await search(`q=${encodeURIComponent(PLAIN.name)}`);
    expect(listed.ids).toEqual([id]);
    expect(leaks(listed.text)).toEqual([]);
    expect(leaks((await search('')).text)).toEqual([]);
    expect(leaks((await events()).text)).toEqual([]);
  });
});

describe('POST /api/complaints/{id}/unmask', () => {
  it('needs a reason: none or blank -> 400 naming reason, nothing recorded', async () => {
    const before = await viewedCount();
    expectFieldError(await unmask({}), 400, 'reason');
    expectFieldError(await unmask({ reason: '   ' }), 400, 'reason');
    expect(await viewedCount()).toBe(before);
  });

  it('a role without complaint.unmask gets 403 and nothing is recorded', async () => {
    const before = await viewedCount();
    const res = await unmask({ reason: '审计抽查' }, 'auditor');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
    expect(await viewedCount()).toBe(before);
  });

  it('with a reason: 200 with clear values, then masked again on the next read', async () => {
    const res = await unmask({ reason: '回访客户需核对身份证号' });
    expect(res.statusCode).toBe(200);
    expect(res.json<ComplaintDetailAnswer>().complainant).toEqual({ ...PLAIN, masked: false });
    expect((await detail(id)).json<ComplaintDetailAnswer>().complainant).toEqual(MASKED);
  });

  it('records personal_data_viewed with the reason and actor, without the values', async () => {
    const { text, items } = await events();
    const viewed = items.filter((e) => e.type === 'personal_data_viewed');
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({
      actor: 'agent',
      reason: '回访客户需核对身份证号',
      payload: { fields: ['phone', 'email', 'address', 'idNumber', 'account'] },
    });
    expect(leaks(text)).toEqual([]);
  });

  it('the audit log shows complaint.unmask with the user and the reason', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/audit?action=complaint.unmask' }, 'auditor');
    expect(res.statusCode).toBe(200);
    const items = res.json<AuditPageAnswer>().items;
    expect(items.filter((i) => i.outcome === 'success')).toEqual([
      expect.objectContaining({
        actor: 'agent',
        action: 'complaint.unmask',
        targetType: 'complaint',
        targetId: id,
        details: expect.objectContaining({ number, reason: '回访客户需核对身份证号' }),
      }),
    ]);
    // the auditor's refused attempt is logged as a denial
    expect(items.filter((i) => i.outcome === 'denied')).toEqual([
      expect.objectContaining({ actor: 'auditor', action: 'complaint.unmask' }),
    ]);
    expect(leaks(res.body)).toEqual([]);
  });
});

describe('encryption at rest and exact search', () => {
  it('the columns hold enc:v1 values under the current key, never the plain numbers', async () => {
    const row = await t.db
      .selectFrom('complaints')
      .select(['complainant_id_number', 'complainant_account', 'complainant_id_number_hash', 'search_text'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.complainant_id_number).toMatch(/^enc:v1:k1:/);
    expect(row.complainant_account).toMatch(/^enc:v1:k1:/);
    expect(row.complainant_id_number_hash).toMatch(/^[0-9a-f]{64}$/);
    const whole = await sql<{ t: string }>`SELECT c::text AS t FROM complaints c WHERE id = ${id}`.execute(t.db);
    expect(whole.rows[0]?.t).not.toContain(PLAIN.idNumber);
    expect(whole.rows[0]?.t).not.toContain(PLAIN.account);
  });

  it('no other table holds any plain personal value', async () => {
    for (const table of ['complaint_events', 'audit_log', 'outbox', 'idempotency_keys', 'complaint_links'] as const) {
      const dump = await sql<{ t: string | null }>`SELECT string_agg(x::text, ' ') AS t FROM ${sql.table(table)} x`.execute(t.db);
      expect({ table, leaks: leaks(dump.rows[0]?.t ?? '') }).toEqual({ table, leaks: [] });
    }
  });

  it('finds the complaint by exact ID number or account, however it is written', async () => {
    for (const written of [PLAIN.idNumber, '110101 19900307 1234', '110101-19900307-1234', '１１０１０１１９９００３０７１２３４']) {
      expect(await search(`idNumber=${encodeURIComponent(written)}`)).toMatchObject({ ids: [id], total: 1 });
    }
    expect(await search(`account=${encodeURIComponent('6222 0212 3456 7890 123')}`)).toMatchObject({ ids: [id], total: 1 });
    expect(await search('idNumber=44030519851225003x')).toMatchObject({ ids: [xId], total: 1 });
  });

  it('a different number, or the right number in the wrong field, finds nothing', async () => {
    expect(await search('idNumber=110101199003071235')).toMatchObject({ ids: [], total: 0 });
    expect(await search(`account=${PLAIN.idNumber}`)).toMatchObject({ ids: [], total: 0 });
    expect(await search(`idNumber=${PLAIN.account}`)).toMatchObject({ ids: [], total: 0 });
    expect(await search(`q=${PLAIN.idNumber}`)).toMatchObject({ ids: [], total: 0 });
  });
});

describe('key rotation and legacy plaintext', () => {
  it('re-encrypts under the new current key; values still decrypt and the keyed hash still matches', async () => {
    const select = () =>
      t.db.selectFrom('complaints').selectAll().where('id', 'in', [id, xId]).orderBy('registered_at').orderBy('number').execute();
    // a row written before encryption existed: plain account, no hash
    await t.db
      .updateTable('complaints')
      .set({ complainant_account: '6217000011112222', complainant_account_hash: null })
      .where('id', '=', xId)
      .execute();
    const before = await select();
    const ring2 = parseKeyRing(`${TEST_KEYS},${generateKeySpec('k2')}`);
    expect(ring2.current).toBe('k2');

    expect(await protectStoredPersonalData(t.db, ring2)).toBe(2);
    expect(await protectStoredPersonalData(t.db, ring2)).toBe(0);

    const after = await select();
    const main = after.find((r) => r.id === id);
    const legacy = after.find((r) => r.id === xId);
    if (!main || !legacy) throw new Error('rows vanished');
    for (const v of [main.complainant_id_number, main.complainant_account, legacy.complainant_id_number, legacy.complainant_account])
      expect(v).toMatch(/^enc:v1:k2:/);
    expect(complainantOf(ring2, main)).toMatchObject({ idNumber: PLAIN.idNumber, account: PLAIN.account });
    expect(complainantOf(ring2, legacy)).toMatchObject({ idNumber: X_ID, account: '6217000011112222' });
    // the old ring (k1 only) can no longer read them: they really moved to k2 (shown as unreadable, the rest still reads)
    expect(complainantOf(t.ctx.security.keyRing, main)).toMatchObject({
      idNumber: UNREADABLE,
      account: UNREADABLE,
      name: expect.any(String),
    });
    // hashes derive from the first key, which stayed first: unchanged, and the legacy row gained one
    expect(main.complainant_id_number_hash).toBe(before.find((r) => r.id === id)?.complainant_id_number_hash);
    expect(main.complainant_id_number_hash).toBe(keyedHash(ring2, 'id_number', PLAIN.idNumber));
    expect(legacy.complainant_account_hash).toBe(keyedHash(ring2, 'account', '6217000011112222'));
    expect(main.updated_at).toEqual(before.find((r) => r.id === id)?.updated_at);

    // the running app (k1 ring, same hash key) still finds both by exact value
    expect(await search(`idNumber=${PLAIN.idNumber}`)).toMatchObject({ ids: [id], total: 1 });
    expect(await search('account=6217000011112222')).toMatchObject({ ids: [xId], total: 1 });
  });
});
