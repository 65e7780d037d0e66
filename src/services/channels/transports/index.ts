/**
 * The transports of a running instance (#11): SMTP when SMTP_URL is set, the HTTP SMS gateway when
 * SMS_HTTP_URL is set, the development mailbox for whichever is not; webhooks always by HTTP.
 */
import { findMessageIdByKey } from '../../../db/repositories/message.repository.js';
import type { ServiceContext } from '../../context.js';
import { channelsOf } from '../channel-settings.js';
import type { Transports } from '../message-send.service.js';
import { deliverWebhook } from '../webhook-delivery.js';
import { createDevelopmentEmailTransport, createDevelopmentSmsTransport } from './development.transport.js';
import { createHttpSmsTransport } from './sms-http.transport.js';
import { createSmtpTransport } from './smtp-email.transport.js';

export function buildTransports(ctx: ServiceContext): Transports {
  const s = channelsOf(ctx);
  const idOf = (key: string) => findMessageIdByKey(ctx.db, key);
  return {
    email: s.email ? createSmtpTransport(s.email) : createDevelopmentEmailTransport(ctx.db, idOf, ctx.now),
    sms: s.sms ? createHttpSmsTransport(s.sms, s.smsSignature) : createDevelopmentSmsTransport(ctx.db, idOf, s.smsSignature, ctx.now),
    webhook: (db, m) => deliverWebhook(db, ctx.security.keyRing, m),
  };
}

/** Which transport each channel uses, for the administrator's overview. */
export function transportNames(ctx: ServiceContext): { email: 'smtp' | 'development'; sms: 'sms-http' | 'development' } {
  const s = channelsOf(ctx);
  return { email: s.email ? 'smtp' : 'development', sms: s.sms ? 'sms-http' : 'development' };
}
