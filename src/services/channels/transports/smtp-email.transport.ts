/**
 * E-mail through SMTP with nodemailer (#11 item 3). `SMTP_URL` names the server:
 * smtp://user:pass@host:587 sends in the clear and upgrades with STARTTLS whenever the server offers
 * it; smtps://user:pass@host:465 speaks TLS from the start. Connections are pooled (three at most).
 *
 * Every message carries both parts, its recipient's name and its subject encoded as RFC 2047 words
 * when they are not ASCII (nodemailer does it), and three headers: a Message-ID derived from the
 * idempotency key (so every attempt of one message has the same Message-ID, and a receiving
 * system can drop repeats), X-Idempotency-Key with the key itself, and Auto-Submitted:
 * auto-generated (RFC 3834) with X-Auto-Response-Suppress, so auto-responders do not answer.
 *
 * A server's acceptance is not delivery: the result says delivered false. A 5xx answer (a refused
 * address) is a permanent failure; a 4xx answer, a connection that fails or times out, is temporary
 * and worth retrying. Error messages name the recipient masked only.
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { maskEmail as maskedEmail } from '../../../domain/personal-data/masking.js';

const maskEmail = (email: string): string => maskedEmail(email) ?? '***';
import type { EmailSettings } from '../channel-settings.js';
import { TransportError, type EmailTransport, type OutgoingEmail, type SendResult } from './transport.js';

export interface SmtpTransportOptions {
  /** false accepts a self-signed server certificate: tests only */
  tlsRejectUnauthorized?: boolean;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

interface SmtpServer {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string } | undefined;
}

/** Reads SMTP_URL; anything but smtp:// or smtps:// with a host is a configuration error. */
export function parseSmtpUrl(smtpUrl: string): SmtpServer {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('SMTP_URL is not a URL (smtp://user:pass@host:587 or smtps://user:pass@host:465)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  if (url.hostname === '') throw new Error('SMTP_URL names no host');
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (secure ? 465 : 587) : Number(url.port),
    secure,
    auth: user === '' ? undefined : { user, pass: decodeURIComponent(url.password) },
  };
}

/** The domain of MAIL_FROM ("示例 <noreply@example.cn>" → example.cn), for the Message-ID. */
export function senderDomain(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  const address = first?.address ?? '';
  const at = address.lastIndexOf('@');
  if (at < 0 || at === address.length - 1)
    throw new Error('MAIL_FROM has no address with a domain (noreply@example.cn or "名称 <noreply@example.cn>")');
  return address.slice(at + 1).toLowerCase();
}

/** The same key gives the same Message-ID on every attempt: <32 hex digits of sha256(key)@domain>. */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}@${domain}>`;
}

interface SmtpFailure {
  message?: string;
  code?: string;
  responseCode?: number;
}

function failureOf(error: unknown): SmtpFailure {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as Record<string, unknown>;
  return {
    message: typeof e.message === 'string' ? e.message : undefined,
    code: typeof e.code === 'string' ? e.code : undefined,
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * 5xx is permanent (RFC 5321: the same message would be refused again), except 503, a command out
 * of sequence, which says the session went wrong rather than the message. The rest (4xx, no
 * connection, a timeout, a TLS failure) is temporary.
 */
export function toTransportError(error: unknown, recipient: string): TransportError {
  const f = failureOf(error);
  const permanent = f.responseCode !== undefined && f.responseCode >= 500 && f.responseCode < 600 && f.responseCode !== 503;
  const message = f.message ?? 'unknown error';
  const detail = recipient === '' ? message : message.replace(new RegExp(escapeRegExp(recipient), 'gi'), maskEmail(recipient));
  const code = [f.code, f.responseCode].filter((x) => x !== undefined).join(' ');
  return new TransportError(`SMTP ${code === '' ? '' : `${code}: `}${detail}`, permanent);
}

export function createSmtpTransport(settings: EmailSettings, options: SmtpTransportOptions = {}): EmailTransport {
  const server = parseSmtpUrl(settings.smtpUrl);
  const domain = senderDomain(settings.from);
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    host: server.host,
    port: server.port,
    secure: server.secure,
    auth: server.auth,
    // STARTTLS when the server offers it (nodemailer's default); not required, a local relay may not offer it
    requireTLS: false,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.greetingTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
    tls: options.tlsRejectUnauthorized === false ? { rejectUnauthorized: false } : undefined,
  });

  return {
    async send(m: OutgoingEmail): Promise<SendResult> {
      const messageId = messageIdFor(m.idempotencyKey, domain);
      try {
        await transporter.sendMail({
          from: settings.from,
          to: m.toName === null || m.toName === '' ? m.to : { name: m.toName, address: m.to },
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId,
          headers: {
            'X-Idempotency-Key': m.idempotencyKey,
            'Auto-Submitted': 'auto-generated',
            'X-Auto-Response-Suppress': 'OOF, AutoReply',
          },
        });
      } catch (error) {
        throw toTransportError(error, m.to);
      }
      return { provider: 'smtp', providerId: messageId, acceptedAt: new Date(), delivered: false };
    },
    close(): void {
      transporter.close();
    },
  };
}
