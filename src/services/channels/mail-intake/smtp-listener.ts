/**
 * The built-in SMTP listener (#12 item 2) on MAIL_INBOUND_SMTP_PORT, for the company's mail server
 * to forward complaints to. Recipients must be the address of an enabled SMTP mailbox (else 550,
 * so the forwarding server bounces instead of losing mail); a message over the size limit is 552.
 * The answer 250 is given only after the raw message is committed with its import job, and a
 * database that cannot be reached is a 451 (the sending server keeps the message and retries).
 * No AUTH (it listens on loopback or the internal network, behind the company's own server).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { recordSmtpReceived, smtpMailboxForAddress } from '../../../db/repositories/mailbox.repository.js';
import type { ServiceContext } from '../../context.js';
import { storeArrivedMail } from './inbound-store.js';
import type { MailIntakeSettings } from './mail-intake-settings.js';

export interface SmtpListenerOptions {
  port: number;
  host: string;
  settings: MailIntakeSettings;
  log?: { info(message: string): void; error(message: string): void };
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Collects the message, at most `limit` bytes kept (the rest is drained: smtp-server answers 552 for it). */
function collect(stream: SMTPServerDataStream, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startSmtpListener(ctx: ServiceContext, o: SmtpListenerOptions): Promise<SmtpListener> {
  const log = o.log ?? { info: () => undefined, error: () => undefined };

  async function mailboxFor(session: SMTPServerSession) {
    for (const r of session.envelope.rcptTo) {
      const m = await smtpMailboxForAddress(ctx.db, r.address.toLowerCase());
      if (m) return m;
    }
    return undefined;
  }

  const server = new SMTPServer({
    banner: 'complaint intake',
    size: o.settings.maxBytes,
    rejectOversized: true,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    socketTimeout: 60_000,
    closeTimeout: 10_000,
    onRcptTo(address, _session, callback) {
      smtpMailboxForAddress(ctx.db, address.address.toLowerCase()).then(
        (m) => callback(m ? null : smtpError(550, '5.1.1 no such mailbox here')),
        (err: unknown) => {
          log.error(`smtp intake: recipient check failed: ${describe(err)}`);
          callback(smtpError(451, '4.3.0 temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      collect(stream, o.settings.maxBytes)
        .then(async (raw) => {
          if (stream.sizeExceeded) return callback(smtpError(552, '5.3.4 message too large'));
          const mailbox = await mailboxFor(session);
          if (!mailbox) return callback(smtpError(550, '5.1.1 no such mailbox here'));
          const now = ctx.now();
          const mailFrom = session.envelope.mailFrom;
          const stored = await ctx.db.transaction().execute(async (trx) => {
            const r = await storeArrivedMail(trx, {
              mailboxId: mailbox.id,
              raw,
              envelopeFrom: mailFrom === false ? '' : mailFrom.address,
              receivedAt: now,
              storedAt: now,
            });
            await recordSmtpReceived(trx, mailbox.id, now);
            return r;
          });
          return callback(null, stored.stored ? `queued as ${stored.id}` : 'already received');
        })
        .catch((err: unknown) => {
          log.error(`smtp intake: message not stored: ${describe(err)}`);
          callback(smtpError(451, '4.3.0 temporary failure, try again later'));
        });
    },
  });
  server.on('error', (err: Error) => log.error(`smtp intake: ${err.message}`));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  log.info(`e-mail intake: SMTP listener on ${o.host}:${port}`);
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
