/**
 * Several app instances on one database (#11 "tests that must exist"): three job runners deliver
 * each message exactly once to the receiver; an instance killed between the send and the mark
 * leaves its job to expire, and another instance re-sends it with the same idempotency key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { complaintBody, createTestApp, type TestApp } from '../../test/test-app.js';
import { startHttpReceiver, type HttpReceiver } from '../../test/http-receiver.js';
import { createDatabase, type Database } from '../db/database.js';
import { DEVELOPMENT_CHANNELS, type ChannelSettings } from '../services/channels/channel-settings.js';
import { buildTransports } from '../services/channels/transports/index.js';
import { startJobRunner, type JobRunner } from './job-runner.js';

let t: TestApp;
let rx: HttpReceiver;
const pools: Database[] = [];
const runners: JobRunner[] = [];
let child: ChildProcess | null = null;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  rx = await startHttpReceiver();
  await sql`UPDATE pgboss.queue SET retry_limit = 3, retry_delay = 1, retry_backoff = false, expire_seconds = 3 WHERE name = 'message.send'`.execute(
    t.db,
  );
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await Promise.all(runners.map((r) => r.stop()));
  await Promise.all(pools.map((p) => p.destroy()));
  await rx.close();
  await t.close();
});

function channels(): ChannelSettings {
  return {
    ...DEVELOPMENT_CHANNELS,
    sms: {
      url: `${rx.url}/sms`,
      method: 'POST',
      contentType: 'application/json',
      bodyTemplate: '{"phone":"{{phone}}","content":"{{text}}"}',
      authHeader: null,
      success: 'status:2xx',
      idPath: null,
    },
  };
}

/** An instance: its own connection pool, its own runner. */
async function instance(): Promise<JobRunner> {
  const db = createDatabase(t.url, 4);
  pools.push(db);
  const ctx = { ...t.ctx, db, channels: channels() };
  const r = await startJobRunner(ctx, {
    transports: buildTransports(ctx),
    pollSeconds: 0.5,
    maintenanceSeconds: 1,
    schedules: false,
    log: { info: () => undefined, error: () => undefined },
  });
  runners.push(r);
  return r;
}

async function register(phone: string): Promise<string> {
  const res = await t.inject({
    method: 'POST',
    url: '/api/complaints',
    payload: complaintBody({ channel: 'letter', complainant: { name: '客户', phone } }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const phoneOf = (body: string) => (JSON.parse(body) as { phone: string }).phone;

describe('delivery with several instances (#11)', () => {
  it('three instances deliver each of 30 messages exactly once', async () => {
    const phones = Array.from({ length: 30 }, (_, i) => `1370000${String(i).padStart(4, '0')}`);
    for (const p of phones) await register(p);
    await Promise.all([instance(), instance(), instance()]);
    await vi.waitFor(
      async () => {
        const r = await t.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('purpose', '=', 'acknowledgment')
          .where('status', '=', 'sent')
          .executeTakeFirstOrThrow();
        expect(Number(r.n)).toBe(30);
      },
      { timeout: 60_000, interval: 250 },
    );
    const got = rx.requests.filter((r) => phones.includes(phoneOf(r.body)));
    expect(got).toHaveLength(30);
    expect(new Set(got.map((r) => r.headers['x-idempotency-key'])).size).toBe(30);
    expect(new Set(got.map((r) => phoneOf(r.body)))).toEqual(new Set(phones));
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  }, 120_000);

  it('an instance killed between send and mark: the job expires and another instance re-sends with the same key', async () => {
    const phone = '13600000001';
    // the first request is received but never answered: the sender is killed while it waits
    rx.respond = (req) =>
      phoneOf(req.body) === phone && rx.requests.filter((r) => phoneOf(r.body) === phone).length === 1
        ? { status: 200, hang: true }
        : { status: 200, body: '{}' };
    const id = await register(phone);
    child = spawn(process.execPath, ['--import', 'tsx', 'test/job-runner-child.ts', t.url, `${rx.url}/sms`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child?.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child?.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
    });
    await vi.waitFor(() => expect(rx.requests.filter((r) => phoneOf(r.body) === phone)).toHaveLength(1), {
      timeout: 30_000,
      interval: 100,
    });
    // the attempt was counted before the send; the sender dies while the gateway holds its request
    await vi.waitFor(
      async () => {
        const m = await t.db
          .selectFrom('messages')
          .select(['status', 'attempts'])
          .where('complaint_id', '=', id)
          .where('purpose', '=', 'acknowledgment')
          .executeTakeFirstOrThrow();
        expect(m).toEqual({ status: 'queued', attempts: 1 });
      },
      { timeout: 10_000, interval: 100 },
    );
    child.removeAllListeners('exit');
    child.kill('SIGKILL');

    await instance();
    await vi.waitFor(
      async () => {
        const m = await t.db
          .selectFrom('messages')
          .select(['status'])
          .where('complaint_id', '=', id)
          .where('purpose', '=', 'acknowledgment')
          .executeTakeFirstOrThrow();
        expect(m.status).toBe('sent');
      },
      { timeout: 60_000, interval: 250 },
    );
    const got = rx.requests.filter((r) => phoneOf(r.body) === phone);
    expect(got).toHaveLength(2);
    expect(got[0]?.headers['x-idempotency-key']).toBe(got[1]?.headers['x-idempotency-key']);
    const m = await t.db
      .selectFrom('messages')
      .select(['attempts'])
      .where('complaint_id', '=', id)
      .where('purpose', '=', 'acknowledgment')
      .executeTakeFirstOrThrow();
    expect(m.attempts).toBe(2);
    // a child process starting (tsx) and a job expiring take a while on a busy machine
  }, 120_000);
});
