/**
 * Stores an arriving e-mail before anything else happens to it (#12 item 2): the raw bytes, their
 * sha256, the dedupe key (Message-ID) and what the headers say of sender and subject, with the
 * message's `mail.ingest` job in the same transaction. The SMTP listener answers 250 and the IMAP
 * poller advances its UID only once this committed, so a message is never lost between the two. A
 * Message-ID stored already is not stored again (nor processed again).
 */
import { createHash, randomUUID } from 'node:crypto';
import { addressOf, decodeMimeWords, dedupeKey, header, readHeaders, storable } from '../../../domain/messages/mail-headers.js';
import type { Database } from '../../../db/database.js';
import { insertInboundMail } from '../../../db/repositories/inbound-mail.repository.js';
import { enqueueJobs } from '../../../db/repositories/job.repository.js';
import type { QuarantineReason } from '../../../domain/messages/inbound-mail.js';
import { alertQuarantined } from './mail-alerts.js';

export interface ArrivedMail {
  mailboxId: string;
  raw: Buffer;
  /** SMTP MAIL FROM ('' for the null sender); null for IMAP */
  envelopeFrom: string | null;
  /** when the company's mail server received it (IMAP INTERNALDATE), else when we did */
  receivedAt: Date;
  storedAt: Date;
  imapUid?: number | null;
  /** stored as quarantined at once (an IMAP message over the size limit: its headers only) */
  quarantined?: { reason: QuarantineReason; detail: string; messageId?: string };
}

export interface StoredMail {
  id: string;
  messageId: string;
  /** false: a message with this Message-ID was stored before (nothing written) */
  stored: boolean;
}

/** The row's columns read from the headers (never throws: a broken header block gives nulls). */
export function headerFacts(raw: Buffer): { messageId: string; sender: string | null; subject: string | null } {
  const headers = readHeaders(raw);
  const subject = header(headers, 'subject');
  const sender = addressOf(header(headers, 'from'));
  return {
    messageId: dedupeKey(headers, raw),
    sender: sender === null || sender === '' ? null : storable(sender, 320),
    subject: subject === null ? null : storable(decodeMimeWords(subject), 1000),
  };
}

/** Writes the message and its ingest job in the caller's transaction (use `db.transaction()` around it). */
export async function storeArrivedMail(trx: Database, m: ArrivedMail): Promise<StoredMail> {
  const facts = headerFacts(m.raw);
  const messageId = m.quarantined?.messageId ?? facts.messageId;
  const id = randomUUID();
  const stored = await insertInboundMail(trx, {
    id,
    mailbox_id: m.mailboxId,
    message_id: messageId,
    raw: m.raw,
    size: m.raw.length,
    sha256: createHash('sha256').update(m.raw).digest('hex'),
    envelope_from: m.envelopeFrom === null ? null : storable(m.envelopeFrom, 320),
    sender: facts.sender,
    subject: facts.subject,
    received_at: m.receivedAt,
    stored_at: m.storedAt,
    imap_uid: m.imapUid ?? null,
    ...(m.quarantined
      ? { outcome: 'quarantined' as const, reason: m.quarantined.reason, detail: m.quarantined.detail, processed_at: m.storedAt }
      : {}),
  });
  if (!stored) return { id, messageId, stored };
  // a quarantined one is imported only when an administrator asks (reprocess); the administrators are told now
  if (m.quarantined)
    await alertQuarantined(trx, { id, mailboxId: m.mailboxId, subject: facts.subject, reason: m.quarantined.reason }, m.storedAt);
  else await enqueueJobs(trx, [{ name: 'mail.ingest', data: { inboundMailId: id } }]);
  return { id, messageId, stored };
}
