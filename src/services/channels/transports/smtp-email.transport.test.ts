/**
 * The SMTP transport against a real smtp-server receiver started by the test (#11 item 3, tests
 * that must exist: headers, Chinese subject, both parts, the idempotency key; R-B2, R-H4).
 */
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { textToHtml } from '../../../domain/messages/text-to-html.js';
import { createSmtpTransport, messageIdFor, parseSmtpUrl, senderDomain, type SmtpTransportOptions } from './smtp-email.transport.js';
import { TransportError, type EmailTransport, type OutgoingEmail } from './transport.js';

interface Received {
  raw: string;
  mail: ParsedMail;
  session: SMTPServerSession;
  envelopeTo: string[];
}

interface Receiver {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

const USER = 'mailer';
const PASS = 'p@ss:word/1';

/** A receiver on 127.0.0.1, a free port; AUTH required. */
async function startReceiver(options: Partial<SMTPServerOptions> = {}): Promise<Receiver> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 1000,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      const [local] = address.address.split('@');
      if (local === 'nobody')
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: Mailbox does not exist`), { responseCode: 550 }));
      else if (local === 'busy') callback(Object.assign(new Error('4.2.1 Mailbox busy, try later'), { responseCode: 451 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        simpleParser(raw).then(
          (mail) => {
            received.push({ raw, mail, session, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A self-signed certificate for the TLS receivers, made once (generating a key takes a moment). */
let pemsOnce: ReturnType<typeof generate> | undefined;
function certificate(): ReturnType<typeof generate> {
  pemsOnce ??= generate([{ name: 'commonName', value: 'localhost' }], { keySize: 2048, algorithm: 'sha256' });
  return pemsOnce;
}

const FROM = '示例保险证券 <noreply@example.cn>';
const SUBJECT = '【受理通知】您的投诉 CP20261125000001 已受理——预计 10 个工作日内处理完毕';
const TEXT = '尊敬的张三：\n\n您的投诉已受理，编号 CP20261125000001。\n查询进度：http://localhost:3000/track?no=CP20261125000001';

function email(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    to: 'zhangsan@example.com',
    toName: '张三',
    subject: SUBJECT,
    text: TEXT,
    html: textToHtml(TEXT),
    idempotencyKey: 'msg-0f3c1a2b-acknowledgment',
    ...overrides,
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(receiverOptions: Partial<SMTPServerOptions> = {}, transportOptions: SmtpTransportOptions = {}, scheme = 'smtp') {
  const receiver = await startReceiver(receiverOptions);
  cleanups.push(() => receiver.close());
  const smtpUrl = `${scheme}://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${receiver.port}`;
  const transport: EmailTransport = createSmtpTransport({ smtpUrl, from: FROM }, transportOptions);
  cleanups.push(() => transport.close?.());
  return { receiver, transport };
}

async function failureOf(promise: Promise<unknown>): Promise<TransportError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  const object = Array.isArray(field) ? field[0] : field;
  return object?.value[0];
}

describe('SMTP e-mail transport (real smtp-server)', () => {
  it('sends both parts with the Chinese subject and names encoded, the idempotency headers, after AUTH', async () => {
    const { receiver, transport } = await setUp();
    const result = await transport.send(email());

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    if (got === undefined) throw new Error('nothing received');
    expect(got.session.user).toBe(USER);
    expect(got.envelopeTo).toEqual(['zhangsan@example.com']);

    // RFC 2047 on the wire: the headers are ASCII, the Chinese travels as encoded words
    expect([...got.raw].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(got.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(got.raw).toMatch(/^To: =\?UTF-8\?[BQ]\?.*\?= <zhangsan@example\.com>/im);

    const { mail } = got;
    expect(mail.subject).toBe(SUBJECT);
    expect(firstAddress(mail.from)).toEqual({ name: '示例保险证券', address: 'noreply@example.cn' });
    expect(firstAddress(mail.to)).toEqual({ name: '张三', address: 'zhangsan@example.com' });
    expect(mail.text?.trim()).toBe(TEXT);
    expect(mail.html).toContain('<p>尊敬的张三：</p>');
    expect(mail.html).toContain('<a href="http://localhost:3000/track?no=CP20261125000001">');
    expect(mail.headers.get('x-idempotency-key')).toBe('msg-0f3c1a2b-acknowledgment');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('OOF, AutoReply');

    const messageId = messageIdFor('msg-0f3c1a2b-acknowledgment', 'example.cn');
    expect(messageId).toMatch(/^<[0-9a-f]{32}@example\.cn>$/);
    expect(mail.messageId).toBe(messageId);
    expect(result).toMatchObject({ provider: 'smtp', providerId: messageId, delivered: false });
    expect(result.acceptedAt).toBeInstanceOf(Date);
  });

  it('gives every attempt of one message the same Message-ID, and another message another', async () => {
    const { receiver, transport } = await setUp();
    const first = await transport.send(email());
    const second = await transport.send(email());
    const other = await transport.send(email({ idempotencyKey: 'msg-other' }));

    const ids = receiver.received.map((r) => r.mail.messageId);
    expect(ids).toEqual([first.providerId, first.providerId, other.providerId]);
    expect(second.providerId).toBe(first.providerId);
    expect(other.providerId).not.toBe(first.providerId);
  });

  it('sends to the bare address when the recipient has no name', async () => {
    const { receiver, transport } = await setUp();
    await transport.send(email({ toName: null }));
    expect(firstAddress(receiver.received[0]?.mail.to)).toEqual({ name: '', address: 'zhangsan@example.com' });
  });

  it('upgrades with STARTTLS when the server offers it', async () => {
    const pems = await certificate();
    const tls = { disabledCommands: [], key: pems.private, cert: pems.cert };
    const { receiver, transport } = await setUp(tls, { tlsRejectUnauthorized: false });
    await transport.send(email());
    expect(receiver.received[0]?.session.secure).toBe(true);
    expect(receiver.received[0]?.mail.subject).toBe(SUBJECT);

    // the same self-signed certificate without the test's exemption: a temporary failure, nothing sent in the clear
    const strict = createSmtpTransport({ smtpUrl: `smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${receiver.port}`, from: FROM });
    cleanups.push(() => strict.close?.());
    const error = await failureOf(strict.send(email()));
    expect(error.permanent).toBe(false);
    expect(receiver.received).toHaveLength(1);
  });

  it('speaks TLS from the start with smtps://', async () => {
    const pems = await certificate();
    const { receiver, transport } = await setUp(
      { secure: true, key: pems.private, cert: pems.cert },
      { tlsRejectUnauthorized: false },
      'smtps',
    );
    await transport.send(email());
    expect(receiver.received[0]?.session.secure).toBe(true);
  });

  it('takes a 550 refusal for a permanent failure and names the recipient masked', async () => {
    const { receiver, transport } = await setUp();
    const error = await failureOf(transport.send(email({ to: 'nobody@example.com' })));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('550');
    expect(error.message).toContain('<n***@example.com>: Mailbox does not exist');
    expect(error.message).not.toContain('nobody@example.com');
    expect(receiver.received).toHaveLength(0);
  });

  it('takes a 451 answer for a temporary failure', async () => {
    const { transport } = await setUp();
    const error = await failureOf(transport.send(email({ to: 'busy@example.com' })));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('451');
  });

  it('takes a server that is down for a temporary failure', async () => {
    const port = await closedPort();
    const transport = createSmtpTransport({ smtpUrl: `smtp://${USER}:x@127.0.0.1:${port}`, from: FROM });
    cleanups.push(() => transport.close?.());
    const error = await failureOf(transport.send(email()));
    expect(error.permanent).toBe(false);
  });

  it('takes a server that never greets for a temporary failure once the greeting times out', async () => {
    const silent = createNetServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => silent.close(() => resolve())));
    const { port } = silent.address() as AddressInfo;
    const transport = createSmtpTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM }, { greetingTimeoutMs: 200 });
    cleanups.push(() => transport.close?.());
    const error = await failureOf(transport.send(email()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('ETIMEDOUT');
  });
});

describe('SMTP settings', () => {
  it('reads smtp:// and smtps:// URLs with their default ports and encoded credentials', () => {
    expect(parseSmtpUrl('smtp://u%40x:p%3Aw@mail.example.cn')).toEqual({
      host: 'mail.example.cn',
      port: 587,
      secure: false,
      auth: { user: 'u@x', pass: 'p:w' },
    });
    expect(parseSmtpUrl('smtps://mail.example.cn')).toEqual({ host: 'mail.example.cn', port: 465, secure: true, auth: undefined });
    expect(parseSmtpUrl('smtp://localhost:2525').port).toBe(2525);
  });

  it('refuses what is not an SMTP URL', () => {
    expect(() => parseSmtpUrl('http://mail.example.cn')).toThrow(/smtp:\/\//);
    expect(() => parseSmtpUrl('mail.example.cn:25')).toThrow();
  });

  it('takes the Message-ID domain from MAIL_FROM and refuses one without an address', () => {
    expect(senderDomain('示例保险证券 <NoReply@Example.CN>')).toBe('example.cn');
    expect(senderDomain('noreply@example.cn')).toBe('example.cn');
    expect(() => senderDomain('示例保险证券')).toThrow(/MAIL_FROM/);
  });
});
