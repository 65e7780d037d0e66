/**
 * Sending a one-time code (#12 item 1) through the ordinary message pipeline. A code belongs to no
 * complaint yet, so its message's recipient is the code row (recipient_kind 'contact'): the address
 * is read from it (encrypted at rest) when the message is sent, like a complainant's. The message's
 * parameters hold the code encrypted (enc:v1), never in clear; it is decrypted only to render the
 * text being handed to the transport, and the proof kept on the message (subject, body) has it
 * replaced by asterisks. The one place the code is written in clear is the development mailbox,
 * which stands for the customer's phone or inbox when no gateway is configured (demo and tests).
 */
import { redactCode } from '../../domain/portal/one-time-code.js';
import { findCode } from '../../db/repositories/portal.repository.js';
import type { MessageRow } from '../../db/repositories/message.repository.js';
import { decryptField, PiiDecryptError } from '../../security/pii-crypto.js';
import { TransportError } from '../channels/transports/transport.js';
import type { ServiceContext } from '../context.js';

export interface ContactDelivery {
  /** the phone number or e-mail address */
  to: string;
  /** the message's parameters with the code in clear, for rendering only */
  params: Record<string, unknown>;
  /** what a text becomes before it is stored as proof */
  redact: (text: string) => string;
}

/**
 * Where and what a code's message sends. A code that was used, replaced or has expired is not sent
 * any more (a permanent refusal: the message is dead, and no complaint is concerned).
 */
export async function contactDelivery(ctx: ServiceContext, m: MessageRow): Promise<ContactDelivery> {
  const row = await findCode(ctx.db, m.recipient_ref);
  if (!row) throw new TransportError('the verification code no longer exists', true);
  if (row.used_at || row.superseded_at || row.expires_at.getTime() <= ctx.now().getTime()) {
    throw new TransportError('the verification code was used, replaced or has expired', true);
  }
  const ring = ctx.security.keyRing;
  try {
    const to = decryptField(ring, row.contact);
    const code = typeof m.params.code === 'string' ? decryptField(ring, m.params.code) : '';
    return { to, params: { ...m.params, code }, redact: (text) => redactCode(text, code) };
  } catch (err) {
    if (err instanceof PiiDecryptError) throw new TransportError(`the verification code cannot be read (${err.reason})`, true);
    throw err;
  }
}
