/**
 * The development adapters (#11 item 4): with no SMTP server or SMS gateway configured, e-mails and
 * SMS go to the development mailbox (development_messages), which administrators read in the web
 * app. The message counts as delivered there: it reached the only place it could reach.
 */
import { smsSegments, withSignature } from '../../../domain/messages/sms.js';
import type { Database } from '../../../db/database.js';
import { insertDevelopmentMessage, type NewDevelopmentMessage } from '../../../db/repositories/message.repository.js';
import type { EmailTransport, SendResult, SmsTransport } from './transport.js';

type Keep = (m: NewDevelopmentMessage, at: Date) => Promise<string>;

/** Finds the message row by its idempotency key: the mailbox row points at it. */
type MessageIdOf = (idempotencyKey: string) => Promise<string | undefined>;

function keeper(db: Database): Keep {
  return (m, at) => insertDevelopmentMessage(db, m, at);
}

export function createDevelopmentEmailTransport(db: Database, messageIdOf: MessageIdOf, now: () => Date): EmailTransport {
  const keep = keeper(db);
  return {
    async send(m): Promise<SendResult> {
      const at = now();
      const messageId = await messageIdOf(m.idempotencyKey);
      if (!messageId) throw new Error('development mailbox: no message with this idempotency key');
      const id = await keep(
        {
          messageId,
          channel: 'email',
          recipient: m.toName ? `${m.toName} <${m.to}>` : m.to,
          subject: m.subject,
          body: m.text,
          html: m.html,
          idempotencyKey: m.idempotencyKey,
        },
        at,
      );
      return { provider: 'development', providerId: `dev-${id}`, acceptedAt: at, delivered: true };
    },
  };
}

export function createDevelopmentSmsTransport(db: Database, messageIdOf: MessageIdOf, signature: string, now: () => Date): SmsTransport {
  const keep = keeper(db);
  return {
    async send(m): Promise<SendResult> {
      const at = now();
      const messageId = await messageIdOf(m.idempotencyKey);
      if (!messageId) throw new Error('development mailbox: no message with this idempotency key');
      const text = withSignature(signature, m.text);
      const id = await keep(
        { messageId, channel: 'sms', recipient: m.to, subject: null, body: text, html: null, idempotencyKey: m.idempotencyKey },
        at,
      );
      return {
        provider: 'development',
        providerId: `dev-${id}`,
        acceptedAt: at,
        delivered: true,
        segments: smsSegments(text).segments,
        sentText: text,
      };
    },
  };
}
