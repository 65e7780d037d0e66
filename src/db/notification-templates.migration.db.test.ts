/**
 * Migration 0007 (#10 item 4): notifications stored as finished text are mapped to the template
 * their kind was written with, so that rendering the template gives back the Chinese text they had
 * and the English their body carried; a row that fits no template keeps its text (legacy.text).
 * Runs on a database of its own, migrated up to 0006, with rows as the code before 0007 wrote them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { renderMessage, type Message } from '../domain/messages/message-templates.js';
import { withDatabaseName } from './database.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.sql'))
  .sort();
const run = (client: pg.Client, file: string) => client.query(readFileSync(path.join(dir, file), 'utf8'));

const adminUrl = inject('pgAdminUrl');
// named like the per-file test databases, so the run's teardown drops it if this file cannot
const name = `complaints_t${inject('templateDatabase').replace('complaints_tpl_', '')}_m0007_${randomBytes(4).toString('hex')}`;
let client: pg.Client;

interface OldRow {
  kind: string;
  title: string;
  body: Record<string, unknown>;
}

const clockBody = {
  clockId: randomUUID(),
  kind: 'l1_to_leadership',
  label: null,
  dueAt: '2026-11-25T02:30:00.000Z',
  clockKind: 'l1_to_leadership',
};
const improvementId = randomUUID();

/** Rows as the code before 0007 wrote them, with the template each must become. */
const MAPPED: Array<OldRow & { template: string; params: Record<string, unknown> }> = [
  {
    kind: 'assign',
    title: 'CP20261125000001 分派',
    body: { action: 'assign', en: 'CP20261125000001 Assign', by: 'agent', number: 'CP20261125000001' },
    template: 'complaint.action',
    params: { action: 'assign', by: 'agent', number: 'CP20261125000001' },
  },
  {
    kind: 'level1_registered',
    title: 'CP20261125000001 一级投诉已受理',
    body: { en: 'CP20261125000001 level-1 complaint registered', by: 'agent', number: 'CP20261125000001' },
    template: 'complaint.level1_registered',
    params: { by: 'agent', number: 'CP20261125000001' },
  },
  {
    kind: 'clock_warning',
    title: 'CP20261125000001 时限预警：一级投诉提交领导小组即将到期',
    body: {
      ...clockBody,
      warning: 0,
      en: 'CP20261125000001 deadline warning: L1 hand-over to the leadership group is nearly due',
      number: 'CP20261125000001',
    },
    template: 'clock.warning',
    params: { ...clockBody, kind: undefined, warning: 0, number: 'CP20261125000001' },
  },
  {
    kind: 'clock_escalated',
    title: 'CP20261125000001 超时升级（第 2 级）：一级投诉提交领导小组',
    body: {
      ...clockBody,
      step: 2,
      en: 'CP20261125000001 escalation step 2: L1 hand-over to the leadership group overdue',
      number: 'CP20261125000001',
    },
    template: 'clock.escalated',
    params: { ...clockBody, kind: undefined, step: 2, number: 'CP20261125000001' },
  },
  {
    kind: 'improvement_action_done',
    title: 'CP20261125000001 整改措施已完成，待验证：柜面流程整改',
    body: {
      improvementActionId: improvementId,
      en: 'CP20261125000001 improvement action done, to be verified: 柜面流程整改',
      by: 'handler',
      number: 'CP20261125000001',
    },
    template: 'improvement.done',
    params: { improvementActionId: improvementId, by: 'handler', number: 'CP20261125000001', title: '柜面流程整改' },
  },
  {
    kind: 'calendar_unconfirmed',
    title: '2027 年工作日历尚未确认：当前按法定节假日推算，调休未知。请导入国务院通知。',
    body: {
      year: 2027,
      link: '/admin/calendar?year=2027&import=1',
      en: "The 2027 working-day calendar is not confirmed: counted with the statutory holidays, adjusted working days unknown. Import the State Council's notice.",
    },
    template: 'calendar.unconfirmed',
    params: { year: 2027, link: '/admin/calendar?year=2027&import=1' },
  },
  {
    kind: 'sign_in_attack',
    title: '疑似密码猜测：账号 admin 在 15 分钟内登录失败 20 次',
    body: {
      en: 'Possible password guessing: 20 failed sign-ins for account admin within 15 minutes',
      target: 'account',
      username: 'admin',
      address: null,
      failures: 20,
      windowMinutes: 15,
      windowStart: '2026-11-25T01:45:00.000Z',
    },
    template: 'security.sign_in_attack',
    params: {
      target: 'account',
      username: 'admin',
      address: null,
      failures: 20,
      windowMinutes: 15,
      windowStart: '2026-11-25T01:45:00.000Z',
    },
  },
];

/** Rows no template fits: an unknown kind, a known kind whose body lacks a parameter, a title that does not match. */
const LEGACY: Array<OldRow & { params: Record<string, unknown> }> = [
  {
    kind: 'test',
    title: '标题 a1',
    body: { en: 'title a1', number: 'TS-1' },
    params: { text: '标题 a1', en: 'title a1', number: 'TS-1' },
  },
  {
    kind: 'clock_warning',
    title: 'CP1 时限预警',
    body: { number: 'CP1', warning: 0 },
    params: { text: 'CP1 时限预警', number: 'CP1' },
  },
  {
    kind: 'improvement_action_done',
    title: '整改完成',
    body: { improvementActionId: improvementId, by: 'handler', number: 'CP1', link: '/improvements' },
    params: { text: '整改完成', number: 'CP1', link: '/improvements' },
  },
];

let userId: string;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  client = new pg.Client({ connectionString: withDatabaseName(adminUrl, name) });
  await client.connect();
  for (const file of files.filter((f) => f < '0007')) await run(client, file);
  userId = randomUUID();
  await client.query(
    `INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, created_by, updated_at)
     VALUES ($1, 'reader', 'Reader', 'x', now(), now(), 'test', now())`,
    [userId],
  );
  for (const [i, r] of [...MAPPED, ...LEGACY].entries()) {
    await client.query(
      `INSERT INTO notifications (id, user_id, complaint_id, kind, source_key, title, body, created_at)
       VALUES ($1, $2, NULL, $3, $4, $5, $6, now())`,
      [randomUUID(), userId, r.kind, `old:${i}`, r.title, JSON.stringify(r.body)],
    );
    await client.query(`INSERT INTO outbox (topic, payload, idempotency_key, created_at, available_at) VALUES ($1, $2, $3, now(), now())`, [
      'notification.created',
      JSON.stringify({ userId, complaintId: null, kind: r.kind, title: r.title }),
      `notification:old:${i}:${userId}`,
    ]);
  }
  await run(
    client,
    files.find((f) => f.startsWith('0007_'))!,
  );
});

afterAll(async () => {
  await client?.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

async function migrated(sourceKey: string): Promise<{ template: string; params: Record<string, unknown> }> {
  const { rows } = await client.query<{ template: string; params: Record<string, unknown> }>(
    'SELECT template, params FROM notifications WHERE source_key = $1',
    [sourceKey],
  );
  return rows[0]!;
}

describe('migration 0007: notifications become template and parameters', () => {
  it.each(MAPPED.map((r, i) => [r.kind, r, i] as const))('maps a %s row to its template, rendering the same texts', async (_kind, r, i) => {
    const row = await migrated(`old:${i}`);
    expect(row).toEqual({ template: r.template, params: JSON.parse(JSON.stringify(r.params)) });
    const m = row as Message;
    expect(renderMessage(m, 'zh-CN')).toBe(r.title);
    expect(renderMessage(m, 'en-US')).toBe(r.body.en);
  });

  it.each(LEGACY.map((r, i) => [r.title, r, MAPPED.length + i] as const))('keeps "%s" as a legacy text', async (_title, r, i) => {
    const row = await migrated(`old:${i}`);
    expect(row).toEqual({ template: 'legacy.text', params: r.params });
    expect(renderMessage(row as Message, 'zh-CN')).toBe(r.title);
  });

  it('drops the text columns and gives the outbox messages the template instead of the title', async () => {
    const { rows: columns } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'notifications' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain('title');
    expect(columns.map((c) => c.column_name)).not.toContain('body');
    const { rows } = await client.query<{ payload: Record<string, unknown> }>(`SELECT payload FROM outbox WHERE idempotency_key = $1`, [
      `notification:old:0:${userId}`,
    ]);
    expect(rows[0]?.payload).toEqual({
      userId,
      complaintId: null,
      kind: 'assign',
      template: 'complaint.action',
      params: MAPPED[0]!.params,
    });
  });

  it('every later migration applies on top', async () => {
    for (const file of files.filter((f) => f >= '0008')) await run(client, file);
  });
});
