/**
 * The generic HTTP SMS transport against a real node:http receiver started by the test (#11 item 4,
 * tests that must exist: a receiver that fails twice and then accepts, the same idempotency key each
 * time; R-H4). The retrying caller is played by the test: the job runner retries a temporary failure.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SmsHttpSettings } from '../channel-settings.js';
import { createHttpSmsTransport, parseSuccessCondition, valueAt } from './sms-http.transport.js';
import { TransportError, type OutgoingSms } from './transport.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** What the receiver answers: a status and a body, or nothing at all (hang). */
type Answer = { status: number; body: string; contentType?: string } | 'hang';

interface Receiver {
  url: string;
  seen: Seen[];
  /** answers in turn; the last one repeats */
  answer(...answers: Answer[]): void;
}

const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});

async function startReceiver(): Promise<Receiver> {
  const seen: Seen[] = [];
  let answers: Answer[] = [{ status: 200, body: '{"code":0}' }];
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next === undefined || next === 'hang') return;
    res.writeHead(next.status, { 'Content-Type': next.contentType ?? 'application/json; charset=utf-8' });
    res.end(next.body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receivers.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return { url: `http://127.0.0.1:${port}/sms/send`, seen, answer: (...a) => void (answers = a) };
}

const SIGNATURE = '【示例保险证券】';
const PHONE = '13812345678';
const TEXT = '您的投诉CP20261125000001已受理，预计10个工作日内处理完毕。"查询"&回复';

function sms(overrides: Partial<OutgoingSms> = {}): OutgoingSms {
  return { to: PHONE, text: TEXT, idempotencyKey: 'msg-7d1e-acknowledgment', ...overrides };
}

function jsonGateway(url: string, overrides: Partial<SmsHttpSettings> = {}): SmsHttpSettings {
  return {
    url,
    method: 'POST',
    contentType: 'application/json; charset=utf-8',
    bodyTemplate: '{"mobile":"{{phone}}","content":"{{text}}","sign":"{{signature}}","outId":"{{key}}"}',
    authHeader: 'Authorization: Bearer sms-token-123',
    success: 'json:code=0',
    idPath: 'data.msgId',
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<TransportError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('HTTP SMS transport (real HTTP receiver)', () => {
  it('fails twice with 503, then is accepted: the same key and body every time, the gateway id kept', async () => {
    const receiver = await startReceiver();
    receiver.answer(
      { status: 503, body: 'Service Unavailable' },
      { status: 503, body: 'Service Unavailable' },
      { status: 200, body: '{"code":0,"data":{"msgId":"m-1"}}' },
    );
    const transport = createHttpSmsTransport(jsonGateway(receiver.url), SIGNATURE);

    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const error = await failureOf(transport.send(sms()));
      expect(error.permanent).toBe(false);
      expect(error.message).toContain('503');
    }
    const result = await transport.send(sms());

    expect(receiver.seen).toHaveLength(3);
    expect(new Set(receiver.seen.map((s) => s.headers['x-idempotency-key']))).toEqual(new Set(['msg-7d1e-acknowledgment']));
    expect(new Set(receiver.seen.map((s) => s.body)).size).toBe(1);
    const [first] = receiver.seen;
    expect(first?.method).toBe('POST');
    expect(first?.headers.authorization).toBe('Bearer sms-token-123');
    expect(first?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(first?.body ?? '')).toEqual({
      mobile: PHONE,
      content: `${SIGNATURE}${TEXT}`,
      sign: SIGNATURE,
      outId: 'msg-7d1e-acknowledgment',
    });
    expect(result).toMatchObject({
      provider: 'sms-http',
      providerId: 'm-1',
      delivered: false,
      sentText: `${SIGNATURE}${TEXT}`,
      segments: 1,
    });
  });

  it('sends a form, every value URL-encoded, the text without its signature as {{content}}', async () => {
    const receiver = await startReceiver();
    receiver.answer({ status: 200, body: '{"result":{"status":"OK","id":42}}' });
    const settings = jsonGateway(receiver.url, {
      contentType: 'application/x-www-form-urlencoded',
      bodyTemplate: 'mobile={{phone}}&msg={{content}}&sign={{ signature }}&full={{text}}',
      authHeader: 'X-Api-Key: k-1',
      success: 'json:result.status=OK',
      idPath: 'result.id',
    });
    const result = await createHttpSmsTransport(settings, '示例保险证券').send(sms({ text: 'a+b=c & 50% 完成' }));

    const form = new URLSearchParams(receiver.seen[0]?.body);
    expect(Object.fromEntries(form)).toEqual({
      mobile: PHONE,
      msg: 'a+b=c & 50% 完成',
      sign: SIGNATURE,
      full: `${SIGNATURE}a+b=c & 50% 完成`,
    });
    expect(receiver.seen[0]?.headers['x-api-key']).toBe('k-1');
    expect(receiver.seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(result.providerId).toBe('42');
  });

  it('puts the filled template in the query string for GET, after the query the URL has', async () => {
    const receiver = await startReceiver();
    receiver.answer({ status: 200, body: 'OK 7788', contentType: 'text/plain' });
    const settings = jsonGateway(`${receiver.url}?account=acme`, {
      method: 'GET',
      contentType: '',
      bodyTemplate: 'mobile={{phone}}&content={{text}}&rid={{key}}',
      authHeader: null,
      success: 'body:~OK',
      idPath: null,
    });
    const result = await createHttpSmsTransport(settings, SIGNATURE).send(sms());

    const seen = receiver.seen[0];
    expect(seen?.method).toBe('GET');
    expect(seen?.body).toBe('');
    expect(seen?.headers['x-idempotency-key']).toBe('msg-7d1e-acknowledgment');
    expect(seen?.headers.authorization).toBeUndefined();
    const url = new URL(seen?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/sms/send');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      account: 'acme',
      mobile: PHONE,
      content: `${SIGNATURE}${TEXT}`,
      rid: 'msg-7d1e-acknowledgment',
    });
    expect(result.providerId).toBeNull();
  });

  it('takes an answer without the body:~ text for a temporary failure', async () => {
    const receiver = await startReceiver();
    receiver.answer({ status: 200, body: 'ERROR: balance', contentType: 'text/plain' });
    const settings = jsonGateway(receiver.url, { success: 'body:~OK', idPath: null });
    const error = await failureOf(createHttpSmsTransport(settings, SIGNATURE).send(sms()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('ERROR: balance');
  });

  it('takes a 2xx with code=1 for a temporary failure, its answer quoted (200 characters) with the number masked', async () => {
    const receiver = await startReceiver();
    const answer = JSON.stringify({ code: 1, msg: `号码 ${PHONE} / +86${PHONE} 发送频率过高`, pad: 'x'.repeat(300) });
    receiver.answer({ status: 200, body: answer });
    const error = await failureOf(createHttpSmsTransport(jsonGateway(receiver.url), SIGNATURE).send(sms()));

    expect(error.permanent).toBe(false);
    expect(error.message).toContain('json:code=0');
    expect(error.message).toContain('"code":1');
    expect(error.message).toContain('号码 138****5678 / +86138****5678 发送频率过高');
    expect(error.message).not.toMatch(/1381234|12345678/);
    expect(error.message).not.toContain('x'.repeat(250));
  });

  it('takes a 400 for a permanent failure and a 429 for a temporary one', async () => {
    const receiver = await startReceiver();
    receiver.answer({ status: 400, body: '{"code":400,"msg":"invalid mobile"}' }, { status: 429, body: '{"msg":"slow down"}' });
    const transport = createHttpSmsTransport(jsonGateway(receiver.url), SIGNATURE);
    const refused = await failureOf(transport.send(sms()));
    expect(refused.permanent).toBe(true);
    expect(refused.message).toContain('400');
    expect(refused.message).toContain('138****5678');
    const throttled = await failureOf(transport.send(sms()));
    expect(throttled.permanent).toBe(false);
  });

  it('accepts only the exact status of a status:NNN condition', async () => {
    const receiver = await startReceiver();
    receiver.answer({ status: 200, body: '' }, { status: 202, body: '' });
    const transport = createHttpSmsTransport(jsonGateway(receiver.url, { success: 'status:202', idPath: 'data.msgId' }), SIGNATURE);
    expect((await failureOf(transport.send(sms()))).permanent).toBe(false);
    expect(await transport.send(sms())).toMatchObject({ provider: 'sms-http', providerId: null });
  });

  it('gives up on a gateway that does not answer in time: a temporary failure', async () => {
    const receiver = await startReceiver();
    receiver.answer('hang');
    const transport = createHttpSmsTransport(jsonGateway(receiver.url), SIGNATURE, { timeoutMs: 200 });
    const error = await failureOf(transport.send(sms()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('200 ms');
    expect(receiver.seen).toHaveLength(1);
  });

  it('takes a gateway that cannot be reached for a temporary failure', async () => {
    const receiver = await startReceiver();
    const { url } = receiver;
    await receivers.splice(0)[0]?.close();
    const error = await failureOf(createHttpSmsTransport(jsonGateway(url), SIGNATURE).send(sms()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('counts the segments of the signed text', async () => {
    const receiver = await startReceiver();
    receiver.answer({ status: 200, body: '{"code":0}' });
    const result = await createHttpSmsTransport(jsonGateway(receiver.url), SIGNATURE).send(sms({ text: '投'.repeat(70 - 8) + '诉' }));
    expect(result.sentText).toHaveLength(71);
    expect(result.segments).toBe(2);
  });
});

describe('HTTP SMS settings', () => {
  it('reads the success conditions', () => {
    expect(parseSuccessCondition('status:2xx')).toEqual({ kind: 'status-2xx' });
    expect(parseSuccessCondition('')).toEqual({ kind: 'status-2xx' });
    expect(parseSuccessCondition('status:200')).toEqual({ kind: 'status', status: 200 });
    expect(parseSuccessCondition('json:code=0')).toEqual({ kind: 'json', path: ['code'], value: '0' });
    expect(parseSuccessCondition('json:result.status=OK')).toEqual({ kind: 'json', path: ['result', 'status'], value: 'OK' });
    expect(parseSuccessCondition('body:~发送成功')).toEqual({ kind: 'body', text: '发送成功' });
  });

  it('refuses a condition it cannot read', () => {
    for (const bad of ['status:abc', 'status:2x', 'status:600', 'json:code', 'json:=0', 'json:a..b=1', 'body:OK', 'body:~', 'code=0']) {
      expect(() => parseSuccessCondition(bad), bad).toThrow(/SMS_HTTP_SUCCESS/);
    }
  });

  it('refuses a bad auth header, an unknown placeholder, a body that is not JSON, a URL that is not http', () => {
    const base = jsonGateway('http://127.0.0.1:9/sms');
    expect(() => createHttpSmsTransport({ ...base, authHeader: 'Bearer abc' }, SIGNATURE)).toThrow(/SMS_HTTP_AUTH_HEADER/);
    expect(() => createHttpSmsTransport({ ...base, bodyTemplate: '{"m":"{{mobile}}"}' }, SIGNATURE)).toThrow(/\{\{mobile\}\}/);
    expect(() => createHttpSmsTransport({ ...base, bodyTemplate: '{"m":{{phone}}' }, SIGNATURE)).toThrow(/not JSON/);
    expect(() => createHttpSmsTransport({ ...base, url: 'ftp://127.0.0.1/sms' }, SIGNATURE)).toThrow(/SMS_HTTP_URL/);
  });

  it('finds a value at a dotted path, array indexes included', () => {
    expect(valueAt({ data: { list: [{ id: 'a' }] } }, ['data', 'list', '0', 'id'])).toBe('a');
    expect(valueAt({ data: null }, ['data', 'id'])).toBeUndefined();
    expect(valueAt('text', ['length'])).toBeUndefined();
  });
});
