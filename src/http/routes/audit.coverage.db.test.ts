/**
 * What the audit log must hold (#9 item 6, R-H1): every read of a complaint's detail, history,
 * records or evidence (who, which complaint, masked or not), one row per request; every
 * administrative change (policy versions, calendar edits, imports and confirmations, besides users,
 * org units and tokens); password changes that fail as well as those that succeed. And the log
 * names its objects: GET /api/audit gives the complaint number, "name (username)", the org unit's
 * name, the policy version, the calendar year, never a bare UUID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.js';
import type { AuditEntryAnswer, AuditPageAnswer, PolicyVersionAnswer } from '../schemas/administration.responses.js';
import type { ComplaintDetailAnswer } from '../schemas/complaint.responses.js';

let t: TestApp;
let complaint: ComplaintDetailAnswer;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Audit rows written by `run`, oldest first. */
async function rowsWrittenBy(run: () => Promise<unknown>) {
  const before = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  await run();
  return (
    t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', before.id ?? '0')
      // the test's own API tokens are made on first use: not what is under test
      .where('action', '!=', 'token.create')
      .orderBy('id')
      .execute()
  );
}

const ok = async <R extends { statusCode: number; body: string }>(p: Promise<R>, status = 200): Promise<R> => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res;
};

function multipart(fields: Record<string, string>, file: { name: string; type: string; content: string }) {
  const boundary = 'audit-coverage-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
  );
  return { payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  const res = await ok(t.inject({ method: 'POST', url: '/api/complaints', payload: complaintBody() }, 'agent'), 201);
  complaint = res.json() as ComplaintDetailAnswer;
  // warm the API tokens used below, so their creation is not counted in the reads
  for (const who of ['agent', 'admin', 'auditor']) await t.inject({ method: 'GET', url: '/api/auth/me' }, who);
});
afterAll(async () => t.close());

describe('reads of a complaint are audited, one row per request (#9 item 6, R-H1)', () => {
  it('the detail, by number or id: who, which complaint, masked', async () => {
    const rows = await rowsWrittenBy(() => ok(t.inject({ method: 'GET', url: `/api/complaints/${complaint.number}` }, 'agent')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'agent',
      action: 'complaint.read',
      outcome: 'success',
      target_type: 'complaint',
      target_id: complaint.id,
      details: { number: complaint.number, masked: true },
    });
  });

  it('the history and the records', async () => {
    const events = await rowsWrittenBy(() => ok(t.inject({ method: 'GET', url: `/api/complaints/${complaint.id}/events` }, 'agent')));
    expect(events.map((r) => [r.action, r.target_id, r.details])).toEqual([
      ['complaint.read_events', complaint.id, { number: complaint.number, masked: true }],
    ]);
    const records = await rowsWrittenBy(() => ok(t.inject({ method: 'GET', url: `/api/complaints/${complaint.id}/records` }, 'agent')));
    expect(records.map((r) => [r.action, r.target_id, r.details])).toEqual([
      ['complaint.read_records', complaint.id, { number: complaint.number, masked: true }],
    ]);
  });

  it('an evidence file: an unmasked read naming the file', async () => {
    // evidence is gathered during the investigation
    await ok(t.inject({ method: 'POST', url: `/api/complaints/${complaint.id}/assign`, payload: { assignee: 'tester' } }));
    await ok(t.inject({ method: 'POST', url: `/api/complaints/${complaint.id}/start-investigation`, payload: {} }));
    const upload = multipart(
      { method: 'document_review', note: '客户来信扫描件' },
      { name: '来信.txt', type: 'text/plain', content: '客户来信：请尽快处理。' },
    );
    await ok(t.inject({ method: 'POST', url: `/api/complaints/${complaint.id}/add-evidence`, ...upload }));
    const file = await t.db
      .selectFrom('evidence_files')
      .select(['id', 'name'])
      .where('complaint_id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    const rows = await rowsWrittenBy(() =>
      ok(t.inject({ method: 'GET', url: `/api/complaints/${complaint.number}/evidence/${file.id}` }, 'agent')),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'agent',
      action: 'complaint.read_evidence',
      target_id: complaint.id,
      details: { number: complaint.number, masked: false, fileId: file.id, fileName: '来信.txt' },
    });
  });

  it('listing the ledger writes no read rows (the export is audited with its filter)', async () => {
    const rows = await rowsWrittenBy(() => ok(t.inject({ method: 'GET', url: '/api/complaints?limit=50' }, 'agent')));
    expect(rows).toEqual([]);
  });

  it('a refused read (out of scope or unknown) stays a denial', async () => {
    const rows = await rowsWrittenBy(() => ok(t.inject({ method: 'GET', url: '/api/complaints/TS209901010001/events' }, 'agent'), 404));
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([['complaint.read', 'denied']]);
  });
});

describe('administrative changes are audited (#9 item 6, R-H1)', () => {
  it('publishing a policy version (which re-plans running deadlines)', async () => {
    const current = (await ok(t.inject({ method: 'GET', url: '/api/policy' }))).json() as PolicyVersionAnswer;
    const rows = await rowsWrittenBy(() =>
      ok(t.inject({ method: 'PUT', url: '/api/policy', payload: { policy: current.policy, reason: '审计测试：重新发布' } }, 'admin'), 201),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'admin',
      action: 'policy.publish',
      outcome: 'success',
      target_type: 'policy_version',
      target_id: String(current.version + 1),
      details: { version: current.version + 1, previous: current.version, reason: '审计测试：重新发布' },
    });
  });

  it('a calendar day, a year confirmation and a year import', async () => {
    const day = await rowsWrittenBy(() =>
      ok(t.inject({ method: 'PUT', url: '/api/calendar/days/2026-12-31', payload: { kind: 'holiday', name: '调休' } }, 'admin')),
    );
    expect(day.map((r) => [r.action, r.target_type, r.target_id, r.details])).toEqual([
      ['calendar.day_edit', 'calendar_day', '2026-12-31', { kind: 'holiday', name: '调休' }],
    ]);

    const confirm = await rowsWrittenBy(() =>
      ok(t.inject({ method: 'PUT', url: '/api/calendar/2026/confirmation', payload: { confirmed: true } }, 'admin')),
    );
    expect(confirm.map((r) => [r.action, r.target_type, r.target_id, r.details.confirmed])).toEqual([
      ['calendar.confirm', 'calendar_year', '2026', true],
    ]);

    const days = [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }];
    const imported = await rowsWrittenBy(() =>
      ok(t.inject({ method: 'POST', url: '/api/calendar/2027/import', payload: { days } }, 'admin')),
    );
    expect(imported.map((r) => [r.actor, r.action, r.target_type, r.target_id, r.details.format, r.details.days])).toEqual([
      ['admin', 'calendar.import', 'calendar_year', '2027', 'json', 1],
    ]);
  });

  it('password changes: a wrong current password, a new one breaking the rules, and a success', async () => {
    const s = await t.login('handler');
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword },
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
    const wrong = await rowsWrittenBy(() => ok(change('Not-My-Passw0rd!', 'Harbour-Lights-2027!'), 400));
    expect(wrong.map((r) => [r.actor, r.action, r.outcome])).toEqual([['handler', 'auth.password_change', 'failure']]);
    const weak = await rowsWrittenBy(() => ok(change(TEST_PASSWORD, 'Ab1-short'), 400));
    expect(weak.map((r) => [r.actor, r.action, r.outcome, r.details.reason])).toEqual([
      ['handler', 'auth.password_change', 'failure', 'rules'],
    ]);
    expect(weak[0]!.details.codes).toContain('password_too_short');
    expect(JSON.stringify(weak[0]!.details)).not.toContain('Ab1-short');
    const done = await rowsWrittenBy(() => ok(change(TEST_PASSWORD, 'Harbour-Lights-2027!')));
    expect(done.map((r) => [r.actor, r.action, r.outcome])).toEqual([['handler', 'auth.password_change', 'success']]);
  });
});

describe('GET /api/audit names its objects (#9 item 6)', () => {
  let items: AuditEntryAnswer[];
  const find = (action: string, where: Partial<AuditEntryAnswer> = {}) => {
    const hit = items.find((i) => i.action === action && Object.entries(where).every(([k, v]) => i[k as keyof AuditEntryAnswer] === v));
    expect(hit, action).toBeDefined();
    return hit!;
  };

  beforeAll(async () => {
    await ok(
      t.inject({ method: 'POST', url: '/api/users', payload: { username: 'liwei', displayName: '李伟', roles: ['agent'] } }, 'admin'),
      201,
    );
    await ok(t.inject({ method: 'PATCH', url: '/api/org-units/CS', payload: { nameEn: 'Customer Service Centre' } }, 'admin'));
    items = ((await ok(t.inject({ method: 'GET', url: '/api/audit?limit=500' }, 'auditor'))).json() as AuditPageAnswer).items;
  });

  it('the complaint number, "name (username)", the org unit, the policy version, the calendar year and day', async () => {
    expect(find('complaint.read', { outcome: 'success' })).toMatchObject({ targetId: complaint.id, targetLabel: complaint.number });
    expect(find('complaint.read_evidence').targetLabel).toBe(complaint.number);
    const user = find('user.create');
    expect(user.targetId).toMatch(UUID);
    expect(user.targetLabel).toBe('李伟 (liwei)');
    expect(find('auth.password_change', { outcome: 'success' }).targetLabel).toMatch(/ \(handler\)$/);
    expect(find('org.update').targetLabel).toBe('客户服务部');
    expect(find('policy.publish').targetLabel).toMatch(/^v\d+$/);
    expect(find('calendar.import').targetLabel).toBe('2027');
    expect(find('calendar.day_edit').targetLabel).toBe('2026-12-31');
    expect(find('complaint.read', { outcome: 'denied' }).targetLabel).toBe('TS209901010001');
  });

  it('the actor by name; no label is a bare UUID', async () => {
    expect(find('user.create').actorName).toBeTruthy();
    expect(find('user.create').actorName).not.toBe('admin');
    for (const i of items) if (i.targetLabel !== null) expect(i.targetLabel, `${i.action} ${i.targetType}`).not.toMatch(UUID);
  });

  it("org units in the reader's language", async () => {
    const en = (
      (
        await ok(t.inject({ method: 'GET', url: '/api/audit?action=org.', headers: { 'accept-language': 'en-US' } }, 'auditor'))
      ).json() as AuditPageAnswer
    ).items;
    expect(en.find((i) => i.action === 'org.update')?.targetLabel).toBe('Customer Service Centre');
  });
});
