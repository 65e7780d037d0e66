/**
 * How messages leave the system (#11): the company's name and public address for message text and
 * printed documents, and the e-mail and SMS transports. A transport left unconfigured is the
 * development adapter: messages go to the development mailbox (development_messages table), which
 * administrators read in the web app.
 */
import { trackingLink } from '../../domain/documents/printed-documents.js';
export interface ChannelSettings {
  /** the company's name in letters, e-mails and documents */
  companyName: string;
  /** where the public portal is reached: links and QR codes in messages and documents */
  publicUrl: string;
  email: EmailSettings | null;
  sms: SmsHttpSettings | null;
  /** prefixed to every SMS, as Chinese gateways require: 【公司名】 */
  smsSignature: string;
  /** shared secret a provider's delivery receipts must carry (header X-Receipt-Token); none: receipts refused */
  receiptToken: string | null;
  /** HMAC secret of the telephony system's call events (X-Hotline-Signature, #12 item 3); none: the webhook answers 404 hotline_not_configured */
  hotlineSecret?: string | null;
}

export interface EmailSettings {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start) */
  smtpUrl: string;
  /** the From header: an address, or "Name <address>" */
  from: string;
}

/**
 * A generic HTTP SMS gateway (#11 item 4): most Chinese gateways take one request per message.
 * The body template's placeholders {{phone}}, {{text}}, {{signature}}, {{key}} are replaced with
 * the values (JSON-escaped when the content type is JSON, URL-encoded for forms).
 */
export interface SmsHttpSettings {
  url: string;
  method: 'POST' | 'PUT' | 'GET';
  contentType: string;
  bodyTemplate: string;
  /** one header, "Name: value" (Authorization: Bearer …, X-Api-Key: …) */
  authHeader: string | null;
  /**
   * when a response means accepted: "status:2xx" (default), "status:200", "json:code=0",
   * "json:result.status=OK", "body:~OK" (the body contains OK)
   */
  success: string;
  /** a dotted path to the provider's message id in a JSON answer ("data.msgId") */
  idPath: string | null;
}

/** Without configuration: every message to the development mailbox, the portal on localhost. */
export const DEVELOPMENT_CHANNELS: ChannelSettings = {
  companyName: '示例保险证券股份有限公司',
  publicUrl: 'http://localhost:3000',
  email: null,
  sms: null,
  smsSignature: '【示例保险证券】',
  receiptToken: null,
};

export function channelsOf(ctx: { channels?: ChannelSettings }): ChannelSettings {
  return ctx.channels ?? DEVELOPMENT_CHANNELS;
}

/** The portal page where the customer tracks a complaint by its number (messages and printed documents link to it). */
export function trackLink(s: ChannelSettings, number: string): string {
  return trackingLink(s.publicUrl, number);
}

/** A complaint's page in the staff web app (staff notices link to it). */
export function staffComplaintLink(s: ChannelSettings, complaintId: string): string {
  return `${s.publicUrl}/complaints/${complaintId}`;
}
