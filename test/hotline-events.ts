import { expect } from 'vitest';
import { signHotlineEvent } from '../src/domain/hotline/hotline-signature.js';
import { DEVELOPMENT_CHANNELS } from '../src/services/channels/channel-settings.js';
import { createTestApp, type TestApp } from './test-app.js';

/** The hotline tests' HOTLINE_WEBHOOK_SECRET and caller (#12 item 3). */
export const HOTLINE_SECRET = 'test-hotline-secret-0123456789';
export const CALLER = '13912345678';

/** The app with the telephony webhook configured. */
export function createHotlineTestApp(): Promise<TestApp> {
  return createTestApp('2026-11-25T02:00:00Z', {}, { ...DEVELOPMENT_CHANNELS, hotlineSecret: HOTLINE_SECRET });
}

/** Plays the telephony system against a test app: call events, signed over their raw bytes, and what they wrote. */
export function telephony(t: TestApp) {
  let seq = 0;
  const nowSeconds = () => Math.floor(t.now().getTime() / 1000);

  /** A call.started of a new call (callId CALL-T-n) a minute ago, for the agent; override what a test cares about. */
  function callEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    seq += 1;
    return {
      event: 'call.started',
      callId: `CALL-T-${seq}`,
      caller: CALLER,
      callee: '95500',
      agent: 'agent',
      startedAt: new Date(t.now().getTime() - 60_000).toISOString(),
      ...overrides,
    };
  }

  /** Posts a call event: the raw body signed with its timestamp (now unless given); signature null leaves the header out. */
  async function postEvent(body: Record<string, unknown> | string, opts: { ts?: number; secret?: string; signature?: string | null } = {}) {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const ts = opts.ts ?? nowSeconds();
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-hotline-timestamp': String(ts) };
    const signature = opts.signature === undefined ? signHotlineEvent(opts.secret ?? HOTLINE_SECRET, ts, raw) : opts.signature;
    if (signature !== null) headers['x-hotline-signature'] = signature;
    return t.app.inject({ method: 'POST', url: '/api/hotline/events', headers, payload: raw });
  }

  /** Rows of the tables a call event or a registration writes. */
  async function counts() {
    const n = async (table: 'hotline_calls' | 'hotline_signatures' | 'complaints') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { calls: await n('hotline_calls'), signatures: await n('hotline_signatures'), complaints: await n('complaints') };
  }

  const callRow = (callId: string) => t.db.selectFrom('hotline_calls').selectAll().where('call_id', '=', callId).executeTakeFirstOrThrow();

  /** A call.started accepted (200): the event, the call record's id and the call id. */
  async function started(overrides: Record<string, unknown> = {}) {
    const ev = callEvent(overrides);
    const res = await postEvent(ev);
    expect(res.statusCode, res.body).toBe(200);
    return { ev, id: res.json<{ id: string }>().id, callId: ev.callId as string };
  }

  return { nowSeconds, callEvent, postEvent, counts, callRow, started };
}
