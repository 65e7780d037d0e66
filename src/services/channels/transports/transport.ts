/**
 * What a channel's transport is given and answers (#11). A transport sends one message and says
 * whether the provider accepted it; it never touches the database (the development transports
 * write to the development mailbox through the function they are given). The idempotency key is
 * the message's, the same on every attempt and resend, so a receiver can drop repeats.
 */
export interface OutgoingEmail {
  to: string;
  /** the recipient's name for the To header (Chinese names encoded), or null */
  toName: string | null;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string;
}

export interface OutgoingSms {
  /** a mobile number, digits with an optional leading + */
  to: string;
  /** the text without the signature; the transport adds it */
  text: string;
  idempotencyKey: string;
}

export interface SendResult {
  /** 'smtp', 'sms-http', 'webhook', 'development' */
  provider: string;
  /** the provider's id for the message (SMTP Message-ID, the gateway's id), for delivery receipts */
  providerId: string | null;
  acceptedAt: Date;
  /** the provider confirmed delivery already (the development mailbox, a webhook's 2xx) */
  delivered: boolean;
  /** SMS segments billed */
  segments?: number;
  /** what was actually sent, as proof (the SMS with its signature, the webhook body) */
  sentText?: string;
}

/** A send that did not go through; `permanent` ones (a refused address) are not retried. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface EmailTransport {
  send(m: OutgoingEmail): Promise<SendResult>;
  close?(): void;
}

export interface SmsTransport {
  send(m: OutgoingSms): Promise<SendResult>;
}
