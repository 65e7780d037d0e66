/**
 * Several instances (#16 item 6, invariant 6): three real server processes (src/cli/start.ts, each
 * with its clock sweeper and job runner) on one PostgreSQL, under concurrent load from this test,
 * behave as one:
 * - sessions live in the database: signed in on A, the cookie and CSRF token read and write on B and
 *   C; signed out on C, A refuses the session;
 * - the sign-in flood limit is counted in the database: wrong passwords spread round-robin over the
 *   three are cut after the configured limit in total, not three times it;
 * - intake: 60 complaints registered at once over the three (and retries of some with the same
 *   Idempotency-Key on another instance) get distinct numbers, 1..n of the day without a gap;
 * - the sweeper: clocks due before the start and clocks made due under load are swept exactly once
 *   although three sweepers run (one event per fact, one exception per breach, one notification per
 *   recipient and fact, the clocks' counters equal to their events, the hash chains intact);
 * - the job runner and delivery: every e-mail reaches the SMTP receiver and every SMS the HTTP
 *   gateway exactly once (by idempotency key, to the right address), each send job ran once, the
 *   outbox ends dispatched and every message sent; a cron job runs once per slot, not once per instance.
 *
 * The sweeper runs every minute (start.ts), so the test waits for the next round after the load:
 * about two to three minutes on a busy two-core machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { complaintBody, createTestApp, TEST_PASSWORD, TEST_SESSION_SECRET, type TestApp } from '../../test/test-app.js';
import { TEST_KEYS } from '../../test/test-constants.js';
import { startHttpReceiver, type HttpReceiver } from '../../test/http-receiver.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../test/smtp-receiver.js';
import { verifyLedger } from '../services/complaints/ledger-verify.service.js';

/** The default flood limit of POST /api/auth/login per address and name and minute (app.ts). */
const LOGIN_LIMIT = 20;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Instance {
  name: string;
  child: ChildProcess;
  output: string;
  base: string;
  exited: Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

interface Session {
  cookie: string;
  csrf: string;
}

let t: TestApp;
let smtp: SmtpReceiver;
let gateway: HttpReceiver;
let startedAt = 0;
const instances: Instance[] = [];
const dataDir = mkdtempSync(path.join(tmpdir(), 'complaints-instances-'));
chmodSync(dataDir, 0o755);
/** complaints registered before the instances started, all of them overdue */
const early: string[] = [];
/** complaints of the load received 20 days before: overdue at once */
const overdue: string[] = [];
/** when the load had been answered: every clock due by then must be swept by a later round */
let loadEnd = new Date(0);
const killAll = () => {
  for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
};
// a test process that dies leaves no server behind
process.once('exit', killAll);

const outputs = () => instances.map((i) => `--- ${i.name}\n${i.output}`).join('\n');

function startInstance(name: string): Instance {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: t.url,
    DATA_DIR: path.join(dataDir, name),
    SEED_DEMO: 'false',
    PORT: '0',
    HOST: '127.0.0.1',
    TZ: 'Asia/Shanghai',
    LOG_LEVEL: 'warn',
    // one secret and one key ring for all: a cookie signed by one instance is good at the others
    SESSION_SECRET: TEST_SESSION_SECRET,
    ENCRYPTION_KEYS: TEST_KEYS,
    SMTP_URL: smtp.url,
    MAIL_FROM: '"测试保险" <kefu@example.com>',
    SMS_HTTP_URL: `${gateway.url}/sms`,
    BACKUP_SCHEDULE: 'off',
  };
  delete env.MAIL_INBOUND_SMTP_PORT;
  delete env.HOTLINE_WEBHOOK_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const instance: Instance = {
    name,
    child,
    output: '',
    base: '',
    exited: new Promise((resolve) => child.once('exit', () => resolve())),
  };
  child.stdout?.on('data', (d: Buffer) => (instance.output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (instance.output += d.toString()));
  return instance;
}

async function stopInstance(i: Instance): Promise<void> {
  if (i.child.exitCode !== null || i.child.signalCode !== null) return;
  i.child.kill('SIGTERM');
  const stopped = await Promise.race([i.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 25_000).unref())]);
  if (!stopped) {
    i.child.kill('SIGKILL');
    await i.exited;
  }
}

/** One request to an instance: JSON in and out, the session cookie and CSRF token when given. */
async function call(
  i: Instance,
  method: 'GET' | 'POST',
  url: string,
  opts: { session?: Session; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.session) {
    headers.cookie = opts.session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = opts.session.csrf;
  }
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${i.base}${url}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: res.status, body, headers: res.headers };
}

async function signIn(i: Instance, username: string): Promise<Session> {
  const res = await call(i, 'POST', '/api/auth/login', { body: { username, password: TEST_PASSWORD } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('cms_session='))
    ?.split(';')[0];
  expect(cookie).toBeTruthy();
  return { cookie: cookie ?? '', csrf: (res.body as { csrfToken: string }).csrfToken };
}

const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString();
const phone = (n: number) => `1391${String(n).padStart(7, '0')}`;
const byNumber = (x: number, y: number) => x - y;
const count = async (q: Promise<Array<{ n: string | number | bigint }>>) => Number((await q)[0]?.n ?? 0);

beforeAll(async () => {
  t = await createTestApp(new Date());
  smtp = await startSmtpReceiver();
  gateway = await startHttpReceiver();
  // overdue before any instance runs: the three first sweeps at start-up meet these clocks at once
  for (let i = 0; i < 3; i++) {
    const res = await t.inject({
      method: 'POST',
      url: '/api/complaints',
      payload: complaintBody({ receivedAt: isoAgo(20 * DAY), complainant: { name: `早到${i}`, phone: phone(900 + i) } }),
    });
    expect(res.statusCode, res.body).toBe(201);
    early.push(res.json<{ id: string }>().id);
  }
  startedAt = Date.now();
  instances.push(startInstance('A'), startInstance('B'), startInstance('C'));
  await Promise.all(
    instances.map(async (i) => {
      await vi.waitFor(
        () => {
          if (i.child.exitCode !== null) throw new Error(`instance ${i.name} exited:\n${i.output}`);
          const base = /running: (http:\/\/[^/\s]+)\//.exec(i.output)?.[1];
          if (!base) throw new Error(`instance ${i.name} not running yet:\n${i.output}`);
          i.base = base;
        },
        { timeout: 150_000, interval: 200 },
      );
      expect((await call(i, 'GET', '/readyz')).status).toBe(200);
    }),
  );
}, 200_000);

afterAll(async () => {
  try {
    await Promise.all(instances.map(stopInstance));
  } finally {
    killAll();
    await smtp?.close();
    await gateway?.close();
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);

describe('three app instances on one database (#16 item 6)', () => {
  it('a session started on A works on B and C; ended on C, A refuses it', async () => {
    const [a, b, c] = instances as [Instance, Instance, Instance];
    const s = await signIn(a, 'tester');
    for (const i of [b, c]) {
      const me = await call(i, 'GET', '/api/auth/me', { session: s });
      expect(me.status, JSON.stringify(me.body)).toBe(200);
      expect(me.body).toMatchObject({ user: { username: 'tester' }, via: 'session' });
      expect((await call(i, 'GET', '/api/complaints?limit=5', { session: s })).status).toBe(200);
      // a write with the CSRF token A handed out
      const reg = await call(i, 'POST', '/api/complaints', {
        session: s,
        body: complaintBody({
          receivedAt: isoAgo(MINUTE),
          complainant: { name: `会话${i.name}`, phone: phone(800 + i.name.charCodeAt(0)) },
        }),
      });
      expect(reg.status, JSON.stringify(reg.body)).toBe(201);
      // and none without it
      const forged = await call(i, 'POST', '/api/complaints', {
        session: { ...s, csrf: 'x'.repeat(43) },
        body: complaintBody({ receivedAt: isoAgo(MINUTE) }),
      });
      expect(forged.status).toBe(403);
    }
    expect((await call(c, 'POST', '/api/auth/logout', { session: s })).status).toBe(200);
    for (const i of [a, b, c]) expect((await call(i, 'GET', '/api/auth/me', { session: s })).status).toBe(401);
  }, 60_000);

  it('wrong passwords spread round-robin are cut after the limit in total, not three times it', async () => {
    const ROUNDS = 10; // 30 attempts, 10 over the limit
    // the limit counts fixed minute windows: start with room for the whole burst in one
    await vi.waitFor(
      () => {
        if (MINUTE - (Date.now() % MINUTE) < 35_000) throw new Error('the current window ends soon');
      },
      { timeout: 70_000, interval: 250 },
    );
    const username = `flood-${randomBytes(4).toString('hex')}`;
    const answers: Answer[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      answers.push(
        ...(await Promise.all(
          instances.map((i) =>
            call(i, 'POST', '/api/auth/login', { body: { username, password: 'Wrong-Passw0rd!' }, headers: { 'accept-language': 'en' } }),
          ),
        )),
      );
    }
    // attempts that reached the sign-in (each is audited: a failure, or held back by the throttle)
    const audited = await count(
      t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'auth.login')
        .where('actor', '=', username)
        .execute(),
    );
    expect(audited).toBe(LOGIN_LIMIT);
    const counter = await t.db
      .selectFrom('rate_limit_counters')
      .select(['hits'])
      .where('key', '=', `login:127.0.0.1:${username}`)
      .execute();
    expect(counter).toEqual([{ hits: ROUNDS * instances.length }]);
    // every answer is the throttle's: 401 or 429 too_many_attempts with its Retry-After
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 401).length + refused.length).toBe(answers.length);
    expect(refused.length).toBeGreaterThanOrEqual(ROUNDS * instances.length - LOGIN_LIMIT);
    for (const a of refused) {
      expect(a.body).toMatchObject({ code: 'too_many_attempts', fields: [] });
      expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(a.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    }
  }, 120_000);

  it('60 complaints at once over the three get distinct numbers of the day without a gap; retries elsewhere make no duplicate', async () => {
    const [, b] = instances as [Instance, Instance, Instance];
    const s = await signIn(b, 'tester');
    const bodies = Array.from({ length: 60 }, (_, n) => {
      const who = { name: `客户${n}`, phone: phone(n) };
      switch (n % 4) {
        case 0: // a letter with an e-mail address: acknowledged by e-mail
          return complaintBody({ channel: 'letter', receivedAt: isoAgo(MINUTE), complainant: { ...who, email: `kunde${n}@example.org` } });
        case 1: // a letter with a phone only: acknowledged by SMS
          return complaintBody({ channel: 'letter', receivedAt: isoAgo(MINUTE), complainant: who });
        case 2: // level 1: the supervisors alerted by e-mail and SMS
          return complaintBody({ amount: '150000.00', receivedAt: isoAgo(MINUTE), complainant: who });
        default: // some received long ago: their clocks are overdue at once, for the next sweep
          return complaintBody({ receivedAt: isoAgo(n % 12 === 3 ? 20 * DAY : MINUTE), complainant: who });
      }
    });
    const retried = new Set([5, 17, 29, 41, 53]);
    const requests = bodies.flatMap((body, n) => {
      const key = `load-${n}`;
      const send = (k: number) =>
        call(instances[k % 3]!, 'POST', '/api/complaints', { session: s, body, headers: { 'idempotency-key': key } }).then((a) => ({
          n,
          a,
        }));
      // a retry of the same request at once on the next instance
      return retried.has(n) ? [send(n), send(n + 1)] : [send(n)];
    });
    const results = await Promise.all(requests);
    loadEnd = new Date();
    for (const { a } of results) expect(a.status, JSON.stringify(a.body)).toBe(201);
    const byRequest = new Map<number, Set<string>>();
    for (const { n, a } of results) byRequest.set(n, (byRequest.get(n) ?? new Set()).add((a.body as { id: string }).id));
    expect([...byRequest.values()].every((ids) => ids.size === 1)).toBe(true);
    const numbers = results.map(({ a }) => (a.body as { number: string }).number);
    expect(new Set(numbers).size).toBe(60);
    for (const { n, a } of results)
      if (Date.parse(String(bodies[n]?.receivedAt)) < Date.now() - DAY) overdue.push((a.body as { id: string }).id);

    // every complaint of the database, per registration day: 1..n, none skipped, none twice
    const all = await t.db.selectFrom('complaints').select(['number']).execute();
    expect(all).toHaveLength(3 + 2 + 60);
    const perDay = new Map<string, number[]>();
    for (const { number } of all) {
      const m = /^([A-Z]+\d{8})(\d{4,})$/.exec(number);
      expect(m, number).not.toBeNull();
      perDay.set(m![1]!, [...(perDay.get(m![1]!) ?? []), Number(m![2])]);
    }
    for (const seqs of perDay.values()) expect(seqs.sort(byNumber)).toEqual(Array.from({ length: seqs.length }, (_, k) => k + 1));
  }, 120_000);

  it('every clock due is swept exactly once although three sweepers run', async () => {
    // the next round of the sweepers (every minute) after the load takes the clocks the load made due
    await vi.waitFor(
      async () => {
        const due = await count(
          t.db
            .selectFrom('complaint_clocks')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('status', 'in', ['running', 'breached'])
            .where('next_check_at', '<=', loadEnd)
            .execute(),
        );
        expect(due).toBe(0);
      },
      { timeout: 150_000, interval: 1000 },
    );
    const clocks = await t.db
      .selectFrom('complaint_clocks')
      .select(['id', 'complaint_id', 'status', 'breached_at', 'warnings_sent', 'escalation_step'])
      .execute();
    const events = await t.db
      .selectFrom('complaint_events')
      .select(['type', 'payload'])
      .where('type', 'in', ['clock_warning', 'clock_breached', 'clock_escalated'])
      .execute();
    const factsOf = (clockId: string, type: string) => events.filter((e) => e.type === type && e.payload.clockId === clockId);
    const exceptions = await t.db
      .selectFrom('complaint_exceptions')
      .select(['clock_id', 'kind'])
      .where('clock_id', 'is not', null)
      .execute();
    const notes = await t.db.selectFrom('notifications').select(['source_key', 'user_id']).execute();
    const outbox = await t.db.selectFrom('outbox').select(['idempotency_key']).execute();
    const outboxKeys = new Map<string, number>();
    for (const o of outbox) outboxKeys.set(o.idempotency_key, (outboxKeys.get(o.idempotency_key) ?? 0) + 1);

    // something was swept: the early complaints at start-up and the overdue ones of the load
    expect(overdue).toHaveLength(5);
    for (const id of [...early, ...overdue])
      expect(
        clocks.some((k) => k.complaint_id === id && k.status === 'breached'),
        id,
      ).toBe(true);

    for (const k of clocks) {
      const warnings = factsOf(k.id, 'clock_warning').map((e) => Number(e.payload.warning));
      const steps = factsOf(k.id, 'clock_escalated').map((e) => Number(e.payload.step));
      const breaches = factsOf(k.id, 'clock_breached');
      // each fact once, and as many facts as the clock's state says were raised
      expect(warnings.sort(byNumber), `warnings of ${k.id}`).toEqual(Array.from({ length: k.warnings_sent }, (_, i) => i));
      expect(steps.sort(byNumber), `escalations of ${k.id}`).toEqual(Array.from({ length: k.escalation_step }, (_, i) => i));
      expect(breaches.length, `breaches of ${k.id}`).toBeLessThanOrEqual(1);
      if (k.status === 'breached') expect(breaches, `breach of ${k.id}`).toHaveLength(1);
      // one tracked exception per breach
      expect(exceptions.filter((e) => e.clock_id === k.id)).toHaveLength(breaches.length);
    }
    // one notification per recipient and fact, each with one outbox row
    const seen = new Set<string>();
    for (const n of notes) {
      const key = `${n.source_key}|${n.user_id}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(outboxKeys.get(`notification:${n.source_key}:${n.user_id}`) ?? 0, key).toBeLessThanOrEqual(1);
    }
    for (const e of events.filter((x) => x.type !== 'clock_breached')) {
      const clockId = String(e.payload.clockId);
      const source =
        e.type === 'clock_warning'
          ? `clock:${clockId}:warn:${String(e.payload.warning)}`
          : Number(e.payload.step) === 0
            ? `clock:${clockId}:breach`
            : `clock:${clockId}:step:${String(e.payload.step)}`;
      const told = notes.filter((n) => n.source_key === source);
      expect(told.length, source).toBe((e.payload.notified as unknown[]).length);
      for (const n of told) expect(outboxKeys.get(`notification:${n.source_key}:${n.user_id}`), source).toBe(1);
    }
    // the year-end calendar alert of the sweepers' runs: once per administrator, not once per instance
    const calendar = notes.filter((n) => n.source_key.startsWith('calendar:unconfirmed:'));
    expect(new Set(calendar.map((n) => n.user_id)).size).toBe(calendar.length);

    // and by the sweepers' own accounts (each logs what its rounds did): the facts once between them
    const logged = { warnings: 0, breaches: 0, escalations: 0 };
    for (const m of outputs().matchAll(/clock sweeper: \d+ clocks, (\d+) warnings, (\d+) breaches, (\d+) escalations/g)) {
      logged.warnings += Number(m[1]);
      logged.breaches += Number(m[2]);
      logged.escalations += Number(m[3]);
    }
    expect(logged).toEqual({
      warnings: events.filter((e) => e.type === 'clock_warning').length,
      breaches: events.filter((e) => e.type === 'clock_breached').length,
      escalations: events.filter((e) => e.type === 'clock_escalated').length,
    });

    const ledger = await verifyLedger(t.db);
    expect(ledger.broken).toEqual([]);
    expect(ledger.complaints).toBe(65);
  }, 200_000);

  it('every message reaches its receiver exactly once; each job ran once; the outbox ends dispatched', async () => {
    const settled = async () => {
      const undispatched = await count(
        t.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('dispatched_at', 'is', null)
          .execute(),
      );
      const unsent = await t.db
        .selectFrom('messages')
        .select(['status', 'last_error'])
        .where('status', 'not in', ['sent', 'delivered'])
        .execute();
      const sent = await t.db
        .selectFrom('messages')
        .select(['id', 'idempotency_key', 'channel', 'recipient_kind', 'recipient_ref', 'purpose'])
        .where('status', 'in', ['sent', 'delivered'])
        .execute();
      return { undispatched, unsent, sent };
    };
    // a cron slot has passed, too: its job is done
    const cronJobs = () =>
      sql<{ state: string; retry_count: number; created_on: Date }>`
        SELECT state, retry_count, created_on FROM pgboss.job WHERE name = 'outbox.sweep'
        UNION ALL SELECT state, retry_count, created_on FROM pgboss.archive WHERE name = 'outbox.sweep'`
        .execute(t.db)
        .then((r) => r.rows);
    await vi.waitFor(
      async () => {
        const s = await settled();
        expect(s.undispatched).toBe(0);
        expect(s.unsent).toEqual([]);
        expect(smtp.mails.length + gateway.requests.length).toBe(s.sent.length);
        expect((await cronJobs()).some((j) => j.state === 'completed')).toBe(true);
      },
      { timeout: 120_000, interval: 500 },
    );
    const { sent } = await settled();
    const email = sent.filter((m) => m.channel === 'email');
    const sms = sent.filter((m) => m.channel === 'sms');
    expect(sent.filter((m) => m.channel === 'webhook')).toEqual([]);

    // each message by its idempotency key: received once, by the right address
    const mailKeys = smtp.mails.map((m) => String(m.mail.headers.get('x-idempotency-key')));
    const smsKeys = gateway.requests.map((r) => String(r.headers['x-idempotency-key']));
    expect(mailKeys.sort()).toEqual(email.map((m) => m.idempotency_key).sort());
    expect(smsKeys.sort()).toEqual(sms.map((m) => m.idempotency_key).sort());
    expect(new Set(smtp.mails.map((m) => m.mail.messageId)).size).toBe(smtp.mails.length);
    const users = new Map((await t.db.selectFrom('users').select(['id', 'email', 'mobile']).execute()).map((u) => [u.id, u] as const));
    for (const m of email.filter((x) => x.recipient_kind === 'user')) {
      const got = smtp.mails.find((r) => r.mail.headers.get('x-idempotency-key') === m.idempotency_key);
      expect(got?.to, m.idempotency_key).toEqual([users.get(m.recipient_ref)?.email]);
    }
    for (const m of sms.filter((x) => x.recipient_kind === 'user')) {
      const got = gateway.requests.find((r) => r.headers['x-idempotency-key'] === m.idempotency_key);
      expect((JSON.parse(got?.body ?? '{}') as { phone?: string }).phone, m.idempotency_key).toBe(users.get(m.recipient_ref)?.mobile);
    }
    // every letter of the load acknowledged once, by e-mail or by SMS; level-1 alerts and breaches went out
    for (let n = 0; n < 60; n += 4)
      expect(
        smtp.mails.filter((m) => m.to.includes(`kunde${n}@example.org`)),
        `kunde${n}`,
      ).toHaveLength(1);
    for (let n = 1; n < 60; n += 4)
      expect(gateway.requests.filter((r) => (JSON.parse(r.body) as { phone: string }).phone === phone(n))).toHaveLength(1);
    expect(sent.filter((m) => m.purpose === 'acknowledgment')).toHaveLength(30);
    expect(email.some((m) => m.idempotency_key.startsWith('notification:registered:'))).toBe(true);
    expect(sms.some((m) => m.idempotency_key.startsWith('notification:registered:'))).toBe(true);
    expect(email.some((m) => m.idempotency_key.startsWith('notification:clock:'))).toBe(true);

    // the job runner: one send job per message, done at the first attempt; no dispatch job failed
    const sends = await sql<{ message_id: string; state: string; retry_count: number }>`
      SELECT data->>'messageId' AS message_id, state, retry_count FROM pgboss.job WHERE name = 'message.send'
      UNION ALL SELECT data->>'messageId', state, retry_count FROM pgboss.archive WHERE name = 'message.send'`.execute(t.db);
    expect(sends.rows.map((j) => j.message_id).sort()).toEqual(sent.map((m) => m.id).sort());
    expect(sends.rows.filter((j) => j.state !== 'completed' || j.retry_count !== 0)).toEqual([]);
    const dispatches = await sql<{ state: string; n: string }>`
      SELECT state, count(*) AS n FROM pgboss.job WHERE name = 'outbox.dispatch' GROUP BY state`.execute(t.db);
    expect(dispatches.rows.map((r) => r.state)).toEqual(['completed']);
    // a cron job is sent once per minute slot by whichever instance, not once per instance
    const cron = await cronJobs();
    const slots = Math.ceil((Date.now() - startedAt) / MINUTE) + 2;
    expect(cron.length).toBeGreaterThan(0);
    expect(cron.length).toBeLessThanOrEqual(slots);
    expect(cron.filter((j) => j.state === 'completed' && j.retry_count !== 0)).toEqual([]);
    // no instance logged a failed job, sweep or stray rejection
    expect(outputs()).not.toMatch(/job \S+ \S+ failed|clock sweeper: (run|clock)|unhandled rejection/);
  }, 200_000);
});
