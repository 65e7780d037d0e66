/**
 * The retention sweep (#15 item 4, R-H6) with the time injected past the period: a closed insurance
 * complaint is anonymised (its personal data found nowhere in the database), its chain still
 * verifies (version-1 events written before migration 0028 included), a held one and a securities
 * one closed at the same time are kept, statistics are unchanged, a second run changes nothing,
 * two instances never take the same complaint, and the triggers still refuse ordinary writes.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../../test/test-app.js';
import { eventHash, GENESIS_HASH } from '../../domain/events/hash-chain.js';
import { verifyEvidence } from '../complaints/evidence-verify.service.js';
import { verifyLedger } from '../complaints/ledger-verify.service.js';
import { REWRITTEN_TABLES } from '../../db/repositories/retention-anonymise.repository.js';
import { pdfText } from '../../../test/pdf-text.js';
import { buildReport } from '../reports/report-build.js';
import { previewRetention, runRetention } from './retention.service.js';

let t: TestApp;
const LATER = new Date('2037-06-01T02:00:00Z'); // insurance (10 years) past, securities (20 years) not

const PERSON = {
  name: '欧阳娜娜',
  phone: '13911112222',
  email: 'nana.ouyang@example.com',
  address: '上海市浦东新区世纪大道100号',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  account: 'ACC-77889900',
};

const act = (id: string, action: string, payload: Record<string, unknown>) =>
  t.inject({ method: 'POST', url: `/api/complaints/${id}/${action}`, payload }, 'agent');

/** Registers a level-3 complaint and closes it on the spot (level3.scenario.db.test.ts). */
async function closedComplaint(overrides: Record<string, unknown>): Promise<string> {
  const reg = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ amount: '100.00', ...overrides }) },
    'agent',
  );
  expect(reg.statusCode, reg.body).toBe(201);
  const id = reg.json<{ id: string }>().id;
  const steps: Array<[string, Record<string, unknown>]> = [
    ['send-feedback', { method: 'phone', content: '已当场解释，客户接受', solvedOnTheSpot: true, proof: 'CALL-1' }],
    ['grade', { level: 3 }],
    ['record-survey', { satisfied: true, score: 5, method: 'phone', comment: '满意' }],
    ['close', { outcome: 'partly_upheld', summary: '已解释' }],
  ];
  for (const [action, payload] of steps) {
    const res = await act(id, action, payload);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
  return id;
}

/** Rewrites a complaint's chain as migration 0001 wrote it (hash version 1, no salt): a complaint from before 0028. */
async function makeLegacy(complaintId: string): Promise<void> {
  await t.db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    const rows = await trx.selectFrom('complaint_events').selectAll().where('complaint_id', '=', complaintId).orderBy('seq').execute();
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const hash = eventHash(prev, {
        complaintId,
        seq: r.seq,
        type: r.type,
        actor: r.actor,
        occurredAt: r.occurred_at,
        reason: r.reason,
        payload: r.payload,
      });
      await sql`UPDATE complaint_events SET hash_version = 1, commitment = NULL, prev_hash = ${prev}, hash = ${hash} WHERE id = ${r.id}`.execute(
        trx,
      );
      prev = hash;
    }
    await trx.deleteFrom('complaint_salts').where('complaint_id', '=', complaintId).execute();
  });
}

/** Every text, JSON and byte column of the database holding `value`: "table.column" for each. */
async function whereFound(value: string): Promise<string[]> {
  const { rows: columns } = await sql<{ table_schema: string; table_name: string; column_name: string; data_type: string }>`
    SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
    WHERE c.table_schema IN ('public', 'pgboss') AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'bytea')`.execute(
    t.db,
  );
  const found: string[] = [];
  for (const c of columns) {
    const col = sql.ref(`${c.table_schema}.${c.table_name}.${c.column_name}`);
    const table = sql.table(`${c.table_schema}.${c.table_name}`);
    const test =
      c.data_type === 'bytea' ? sql`position(convert_to(${value}, 'UTF8') in ${col}) > 0` : sql`strpos(${col}::text, ${value}) > 0`;
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${table} WHERE ${test}`.execute(t.db);
    if ((rows[0]?.n ?? 0) > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

async function statistics(): Promise<unknown> {
  const res = await t.inject({ method: 'GET', url: '/api/statistics?from=2026-11-01&to=2026-11-30&groupBy=business_line' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

let insured: string;
let held: string;
let securities: string;
let open: string;
let statsBefore: unknown;
let reportId: string;
let lastAuditBefore = 0;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  const complainant = PERSON;
  const description = `${PERSON.name}女士来电，手机${PERSON.phone}，邮箱${PERSON.email}，称理赔金额不符。`;
  // registered before migration 0028 (hash version 1), then handled after it (version 2 from then on)
  const reg = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ amount: '100.00', complainant, description }) },
    'agent',
  );
  expect(reg.statusCode, reg.body).toBe(201);
  insured = reg.json<{ id: string }>().id;
  await makeLegacy(insured);
  for (const [action, payload] of [
    ['send-feedback', { method: 'phone', content: `已致电${PERSON.name}（${PERSON.phone}）解释`, solvedOnTheSpot: true, proof: 'CALL-1' }],
    ['grade', { level: 3 }],
    ['record-survey', { satisfied: true, score: 5, method: 'phone', comment: `${PERSON.name}表示满意` }],
    ['close', { outcome: 'partly_upheld', summary: `向${PERSON.name}解释定损依据` }],
  ] as const) {
    const res = await act(insured, action, payload);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
  held = await closedComplaint({ complainant: { name: '司马光', phone: '13700000001' } });
  securities = await closedComplaint({
    businessLine: 'brokerage',
    category: 'securities_trading',
    description: '委托交易未成交',
    complainant: { name: '诸葛亮', phone: '13700000002' },
  });
  const openRes = await t.inject(
    { method: 'POST', url: '/api/complaints', payload: complaintBody({ complainant: { name: '孙权', phone: '13700000003' } }) },
    'agent',
  );
  open = openRes.json<{ id: string }>().id;

  // the complaint's traces elsewhere: an evidence file, a message and its development copy, a portal code, a hotline call
  const recordId = randomUUID();
  const fileBytes = Buffer.from(`录音文字稿：${PERSON.name} ${PERSON.phone}`);
  await t.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('evidence_files')
      .values({
        id: randomUUID(),
        complaint_id: insured,
        record_id: recordId,
        name: `${PERSON.name}_${PERSON.phone}.txt`,
        content_type: 'text/plain',
        size: fileBytes.length,
        sha256: 'a'.repeat(64),
        content: fileBytes,
        chunks: null,
        created_at: t.now(),
        created_by: 'agent',
      })
      .execute();
    await trx
      .insertInto('complaint_records')
      .values({
        id: recordId,
        complaint_id: insured,
        kind: 'evidence',
        round: 1,
        status: null,
        data: JSON.stringify({ name: `${PERSON.name}_${PERSON.phone}.txt`, note: `${PERSON.name}提供` }),
        created_at: t.now(),
        created_by: 'agent',
        updated_at: t.now(),
        updated_by: 'agent',
      })
      .execute();
  });
  const messageId = randomUUID();
  await sql`INSERT INTO messages (id, idempotency_key, channel, purpose, recipient_kind, recipient_ref, recipient_label, complaint_id,
      template, params, status, body, created_at, updated_at)
    VALUES (${messageId}, ${`k-${messageId}`}, 'sms', 'acknowledgement', 'complainant', ${PERSON.phone}, ${PERSON.name}, ${insured},
      'complaint.acknowledged', ${JSON.stringify({ name: PERSON.name })}::jsonb, 'sent', ${`${PERSON.name}您好`}, now(), now())`.execute(
    t.db,
  );
  await sql`INSERT INTO development_messages (message_id, channel, recipient, body, idempotency_key, created_at)
    VALUES (${messageId}, 'sms', ${PERSON.phone}, ${`${PERSON.name}您好`}, ${`k-${messageId}`}, now())`.execute(t.db);
  await sql`INSERT INTO portal_codes (id, purpose, contact_kind, contact_hash, contact, complaint_id, code_hash, max_attempts, created_at, expires_at)
    VALUES (${randomUUID()}, 'track', 'phone', 'h', ${PERSON.phone}, ${insured}, 'c', 5, now(), now())`.execute(t.db);
  await sql`INSERT INTO hotline_calls (id, call_id, caller, status, started_at, complaint_id, closed_by, closed_at, created_at, updated_at, recording_url)
    VALUES (${randomUUID()}, 'call-1', ${PERSON.phone}, 'registered', now(), ${insured}, 'agent', now(), now(), now(), 'https://pbx/rec/1')`.execute(
    t.db,
  );
  const tester = await t.db.selectFrom('users').select('id').where('username', '=', 'tester').executeTakeFirstOrThrow();
  await t.db
    .insertInto('complaint_legal_holds')
    .values({ complaint_id: held, reason: '诉讼进行中', placed_by: tester.id, until: null })
    .execute();

  const number = (await t.db.selectFrom('complaints').select('number').where('id', '=', insured).executeTakeFirstOrThrow()).number;
  const report = await t.inject({
    method: 'POST',
    url: '/api/reports/special',
    payload: { subject: 'complaint', complaint: number, recommendations: `建议回访${PERSON.name}，电话${PERSON.phone}` },
  });
  expect(report.statusCode, report.body).toBe(202);
  reportId = report.json<{ id: string }>().id;
  await buildReport(t.ctx, reportId);

  statsBefore = await statistics();
}, 180_000);
afterAll(async () => t.close());

describe('retention sweep (R-H6)', () => {
  it('previews what it would anonymise, held ones marked', async () => {
    const due = await previewRetention(t.ctx, LATER);
    expect(due.map((d) => d.id).sort()).toEqual([insured, held].sort());
    expect(due.find((d) => d.id === held)?.held).toBe(true);
    expect(await previewRetention(t.ctx, new Date('2036-11-25T02:00:00Z'))).toEqual([]); // closed 2026-11-25: its last day
  });

  it('knows every column it rewrites', async () => {
    const { rows } = await sql<{ t: string; c: string }>`SELECT table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema = 'public'`.execute(t.db);
    const present = new Set(rows.map((r) => `${r.t}.${r.c}`));
    const named = REWRITTEN_TABLES.flatMap((s) => [s.key, ...s.text, ...s.json].map((c) => `${s.table}.${c}`));
    expect(named.filter((n) => !present.has(n))).toEqual([]);
  });

  it('anonymises the expired insurance complaint and nothing else', async () => {
    expect(await whereFound(PERSON.name)).not.toEqual([]);
    lastAuditBefore = Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select(sql<string>`max(id)`.as('id'))
          .executeTakeFirstOrThrow()
      ).id,
    );
    const r = await runRetention(t.ctx, LATER);
    expect(r).toMatchObject({ status: 'done', anonymised: [insured], held: [held], errors: [] });
    expect(r.counts).toMatchObject({ complaints: 1, evidenceFiles: 1, portalAccess: 1, reports: 1 });
    expect(r.counts['events']).toBeGreaterThan(5);

    for (const value of [PERSON.name, PERSON.phone, PERSON.email, PERSON.address, PERSON.idNumber, PERSON.account, '世纪大道']) {
      expect(await whereFound(value), value).toEqual([]);
    }
    const c = await t.db.selectFrom('complaints').selectAll().where('id', '=', insured).executeTakeFirstOrThrow();
    expect(c).toMatchObject({
      complainant_name: '某',
      complainant_phone: null,
      complainant_email: null,
      complainant_id_number: null,
      complainant_id_number_hash: null,
      complainant_account: null,
      contact_keys: [],
      status: 'closed',
    });
    expect(c.anonymised_at).not.toBeNull();
    expect(c.description).toContain('称理赔金额不符');
    const pdf = await t.inject({ method: 'GET', url: `/api/reports/${reportId}/files/pdf` });
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('建议回访某');
    expect(text).not.toContain(PERSON.name);
    const file = await t.db.selectFrom('evidence_files').selectAll().where('complaint_id', '=', insured).executeTakeFirstOrThrow();
    expect(file).toMatchObject({ content: null, chunks: null, name: '某_[电话].txt' });

    const kept = await t.db
      .selectFrom('complaints')
      .select(['id', 'complainant_name', 'anonymised_at'])
      .where('id', 'in', [held, securities, open])
      .execute();
    expect(kept.every((k) => k.anonymised_at === null)).toBe(true);
    expect(kept.map((k) => k.complainant_name).sort()).toEqual(['司马光', '孙权', '诸葛亮'].sort());
  });

  it('the ledger still verifies, the redacted version-1 events through the recorded hashes', async () => {
    expect((await verifyLedger(t.db)).broken).toEqual([]);
    expect((await verifyEvidence(t.db)).mismatched).toEqual([]);
    const events = await t.db
      .selectFrom('complaint_events')
      .select(['seq', 'type', 'hash_version', 'redacted_at', 'payload'])
      .where('complaint_id', '=', insured)
      .orderBy('seq')
      .execute();
    const last = events[events.length - 1]!;
    expect(last).toMatchObject({ type: 'retention_anonymised', hash_version: 2, redacted_at: null });
    expect(events.slice(0, -1).every((e) => e.redacted_at !== null)).toBe(true);
    const payload = last.payload as { redactedSeqs: number[]; v1Events: Array<{ seq: number }> };
    expect(payload.redactedSeqs).toEqual(events.slice(0, -1).map((e) => e.seq));
    expect(payload.v1Events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.hash_version === 1).map((e) => e.seq)).toEqual(payload.v1Events.map((e) => e.seq));
    expect(await t.db.selectFrom('complaint_salts').select('salt').where('complaint_id', '=', insured).execute()).toHaveLength(1); // the new one
  });

  it('keeps the statistics as they were', async () => {
    expect(await statistics()).toEqual(statsBefore);
  });

  it('records the run and audits it; old log rows are gone', async () => {
    const runs = await t.db.selectFrom('retention_runs').selectAll().execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', anonymised: [insured], held: [held], errors: [] });
    expect(runs[0]!.now_used.toISOString()).toBe(LATER.toISOString());
    expect(runs[0]!.counts['logRowsDeleted']).toBeGreaterThan(0);
    const audit = await t.db.selectFrom('audit_log').select(['id', 'action', 'target_id']).execute();
    expect(audit.filter((a) => a.action === 'retention.run').map((a) => a.target_id)).toEqual([runs[0]!.id]);
    // every row before the run was written in 2026, more than 3 years before the run's "now" (2037): deleted
    expect(lastAuditBefore).toBeGreaterThan(0);
    expect(audit.filter((a) => Number(a.id) <= lastAuditBefore)).toEqual([]);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const eventsBefore = await t.db
      .selectFrom('complaint_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const r = await runRetention(t.ctx, LATER);
    expect(r).toMatchObject({ anonymised: [], held: [held], errors: [] });
    const eventsAfter = await t.db
      .selectFrom('complaint_events')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(eventsAfter.n).toBe(eventsBefore.n);
    expect((await verifyLedger(t.db)).broken).toEqual([]);
  });

  it('two instances at once never take the same complaint', async () => {
    const more: string[] = [];
    for (let i = 0; i < 4; i++) more.push(await closedComplaint({ complainant: { name: `并发${i}`, phone: `1360000000${i}` } }));
    const [a, b] = await Promise.all([runRetention(t.ctx, LATER), runRetention(t.ctx, LATER)]);
    expect([...a.anonymised, ...b.anonymised].sort()).toEqual([...more].sort());
    expect([...a.errors, ...b.errors]).toEqual([]);
    const marks = await t.db
      .selectFrom('complaint_events')
      .select(['complaint_id', sql<number>`count(*)::int`.as('n')])
      .where('type', '=', 'retention_anonymised')
      .groupBy('complaint_id')
      .execute();
    expect(marks.every((m) => m.n === 1)).toBe(true);
    expect(marks).toHaveLength(5);
    expect((await verifyLedger(t.db)).broken).toEqual([]);
  });

  it('the triggers still refuse every ordinary update and delete', async () => {
    await expect(sql`UPDATE complaint_events SET payload = '{}' WHERE complaint_id = ${open}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE complaint_events SET redacted_at = now() WHERE complaint_id = ${open}`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE evidence_files SET name = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    // even the retention job's setting lets only the redaction through
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('app.retention_redaction', 'on', true)`.execute(trx);
        await sql`UPDATE complaint_events SET actor = 'mallory', redacted_at = now() WHERE complaint_id = ${open}`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('app.retention_redaction', 'on', true)`.execute(trx);
        await sql`DELETE FROM complaint_events WHERE complaint_id = ${open}`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});
