import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHotlineEvent } from '../../domain/hotline/hotline-signature.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { ApiErrorBody } from '../../../test/db-assertions.js';
import { createHotlineTestApp, HOTLINE_SECRET as SECRET, telephony } from '../../../test/hotline-events.js';

let t: TestApp;
let tel: ReturnType<typeof telephony>;

beforeAll(async () => {
  t = await createHotlineTestApp();
  tel = telephony(t);
});
afterAll(async () => t.close());

const nowSeconds = () => tel.nowSeconds();
const callEvent = (o?: Record<string, unknown>) => tel.callEvent(o);
const postEvent = (...a: Parameters<typeof tel.postEvent>) => tel.postEvent(...a);
const counts = () => tel.counts();
const callRow = (callId: string) => tel.callRow(callId);
const started = (o?: Record<string, unknown>) => tel.started(o);

describe('hotline webhook: signature, window, replay (#12 item 3, R-B1)', () => {
  it('a bad signature is refused with 401 and nothing is written', async () => {
    const before = await counts();
    const ev = callEvent();
    const wrongSecret = await postEvent(ev, { secret: 'another-secret-0123456789' });
    expect(wrongSecret.statusCode).toBe(401);
    expect(wrongSecret.json<ApiErrorBody>().code).toBe('hotline_signature_invalid');
    // the body changed after signing: the signature covers the raw bytes
    const ts = nowSeconds();
    const signed = signHotlineEvent(SECRET, ts, JSON.stringify(ev));
    const tampered = await postEvent({ ...ev, caller: '13000000000' }, { ts, signature: signed });
    expect(tampered.json<ApiErrorBody>().code).toBe('hotline_signature_invalid');
    // the same JSON with other spacing is other bytes
    const respaced = await postEvent(JSON.stringify(ev, null, 2), { ts, signature: signed });
    expect(respaced.json<ApiErrorBody>().code).toBe('hotline_signature_invalid');
    for (const signature of [null, 'v1=abc', `v2=${signed.slice(3)}`, signed.slice(3)]) {
      const res = await postEvent(ev, { signature });
      expect(res.statusCode, String(signature)).toBe(401);
      expect(res.json<ApiErrorBody>().code).toBe('hotline_signature_invalid');
    }
    // unsigned nonsense is refused as unsigned, before its body is even looked at
    const garbage = await postEvent({ event: 'nope' }, { signature: null });
    expect(garbage.json<ApiErrorBody>().code).toBe('hotline_signature_invalid');
    expect(await counts()).toEqual(before);
  });

  it('a timestamp more than 5 minutes away is refused (hotline_signature_stale); within it is accepted', async () => {
    const before = await counts();
    for (const ts of [nowSeconds() - 301, nowSeconds() + 301, nowSeconds() - 86_400]) {
      const res = await postEvent(callEvent(), { ts });
      expect(res.statusCode).toBe(401);
      expect(res.json<ApiErrorBody>().code).toBe('hotline_signature_stale');
    }
    expect(await counts()).toEqual(before);
    const edge = await postEvent(callEvent(), { ts: nowSeconds() - 299 });
    expect(edge.statusCode, edge.body).toBe(200);
  });

  it('a replayed request (the same signature) is refused with 409 and changes nothing', async () => {
    const ev = callEvent();
    const raw = JSON.stringify(ev);
    const ts = nowSeconds();
    const signature = signHotlineEvent(SECRET, ts, raw);
    const first = await postEvent(raw, { ts, signature });
    expect(first.statusCode, first.body).toBe(200);
    const before = await counts();
    const row = await callRow(ev.callId as string);
    const again = await postEvent(raw, { ts, signature });
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiErrorBody>().code).toBe('hotline_replayed');
    // two minutes later, still inside the window: still a replay
    t.setNow(new Date(t.now().getTime() + 120_000));
    const later = await postEvent(raw, { ts, signature });
    expect(later.json<ApiErrorBody>().code).toBe('hotline_replayed');
    expect(await counts()).toEqual(before);
    expect(await callRow(ev.callId as string)).toEqual(row);
    // once the window has passed the timestamp refuses it, and the remembered signature is cleaned up
    t.setNow(new Date(t.now().getTime() + 300_000));
    expect((await postEvent(raw, { ts, signature })).json<ApiErrorBody>().code).toBe('hotline_signature_stale');
    await started();
    const kept = await t.db.selectFrom('hotline_signatures').select('signature').where('signature', '=', signature.slice(3)).execute();
    expect(kept).toEqual([]);
  });

  it('a signed body that breaks the schema is a 400 naming the field, and nothing is written', async () => {
    const before = await counts();
    const http = await postEvent(callEvent({ event: 'call.ended', recordingUrl: 'http://rec.example.com/1.mp3' }));
    expect(http.statusCode).toBe(400);
    expect(http.json<ApiErrorBody>().fields.map((f) => f.field)).toContain('recordingUrl');
    const phone = await postEvent(callEvent({ caller: 'anonymous' }));
    expect(phone.json<ApiErrorBody>().fields.map((f) => f.field)).toContain('caller');
    const inverted = await postEvent(callEvent({ event: 'call.ended', endedAt: new Date(t.now().getTime() - 120_000).toISOString() }));
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json<ApiErrorBody>().fields.map((f) => f.field)).toContain('endedAt');
    expect(await counts()).toEqual(before);
  });

  it('without HOTLINE_WEBHOOK_SECRET the webhook answers 404 hotline_not_configured', async () => {
    const plain = await createTestApp('2026-11-25T02:00:00Z');
    try {
      const raw = JSON.stringify(callEvent());
      const ts = Math.floor(plain.now().getTime() / 1000);
      const res = await plain.app.inject({
        method: 'POST',
        url: '/api/hotline/events',
        headers: {
          'content-type': 'application/json',
          'x-hotline-timestamp': String(ts),
          'x-hotline-signature': signHotlineEvent(SECRET, ts, raw),
        },
        payload: raw,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json<ApiErrorBody>().code).toBe('hotline_not_configured');
    } finally {
      await plain.close();
    }
  });
});
