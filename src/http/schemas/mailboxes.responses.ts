import { z } from 'zod';
import { MAILBOX_HEALTH_STATES } from '../../domain/messages/mailbox-health.js';
import { optionalText, requiredText } from './common.js';
import { instant } from './response.js';

/**
 * Requests and answers of the e-mail intake's administration (#12 item 2): mailboxes with their
 * health, and the inbound list. The IMAP password is accepted, never answered (`hasPassword`).
 */

export const INBOUND_OUTCOME_VALUES = ['pending', 'created', 'threaded', 'ignored', 'quarantined'] as const;
const inboundOutcome = z.enum(INBOUND_OUTCOME_VALUES);

export const mailboxResponse = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['smtp', 'imap']),
  address: z.string().nullable().describe('the recipient address the SMTP listener accepts for it'),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  tls: z.enum(['implicit', 'starttls', 'none']),
  username: z.string().nullable(),
  hasPassword: z.boolean().describe('a password is stored (it is never answered)'),
  folder: z.string(),
  intervalSeconds: z.number().int(),
  stallMinutes: z.number().int(),
  enabled: z.boolean(),
  defaultBusinessLine: z.string().nullable(),
  defaultCategory: z.string().nullable(),
  health: z.object({
    state: z
      .enum(MAILBOX_HEALTH_STATES)
      .describe('failing: the last poll failed; stalled: no success (or a message waiting) for stallMinutes; never: not polled yet'),
    lastPollAt: instant.nullable(),
    lastSuccessAt: instant.nullable().describe('IMAP: the last poll that succeeded; SMTP: the last message accepted'),
    lastErrorAt: instant.nullable(),
    lastError: z.string().nullable(),
    backlog: z.number().int().describe('messages waiting to be processed'),
    quarantined: z.number().int(),
  }),
});

export const mailboxList = z.object({ items: z.array(mailboxResponse) });

export const mailboxBody = z.strictObject({
  name: requiredText(100),
  kind: z.enum(['smtp', 'imap']),
  address: optionalText(254).describe('SMTP: required, the address forwarded mail is sent to'),
  host: optionalText(255).describe('IMAP: the server'),
  port: z.number().int().min(1).max(65535).nullish().describe('IMAP: default 993 (implicit TLS) or 143'),
  tls: z.enum(['implicit', 'starttls', 'none']).optional().describe('IMAP: default implicit'),
  username: optionalText(255),
  password: z.string().max(1000).nullish().describe('IMAP; absent or empty on a change keeps the stored one'),
  folder: optionalText(255).describe('IMAP: default INBOX'),
  intervalSeconds: z.number().int().min(60).max(86_400).describe('IMAP: seconds between polls (the poller runs every minute)'),
  stallMinutes: z.number().int().min(5).max(10_080).describe('minutes without success before administrators are alerted'),
  enabled: z.boolean(),
  defaultBusinessLine: optionalText(64).describe('new complaints: this business line (else the policy’s first)'),
  defaultCategory: optionalText(64).describe('new complaints: this category (else other)'),
});

export const mailboxParams = z.strictObject({ id: z.uuid() });
export const pollQueued = z.object({ queued: z.literal(true) });
export const mailboxTestResult = z.object({
  ok: z.boolean(),
  error: z.string().nullable().describe('what the server or the connection said, when it failed'),
});

export const inboundMailResponse = z.object({
  id: z.string(),
  mailboxId: z.string(),
  mailboxName: z.string(),
  messageId: z.string(),
  from: z.string().nullable().describe('the sender, masked'),
  subject: z.string().nullable(),
  receivedAt: instant,
  outcome: inboundOutcome,
  reason: z.string().nullable().describe('ignored or quarantined: the reason code'),
  reasonLabel: z.string().nullable().describe('the reason in words (and, when quarantined, the error)'),
  complaintId: z.string().nullable(),
  complaintNumber: z.string().nullable(),
  size: z.number().int(),
});

export const inboundMailList = z.object({
  items: z.array(inboundMailResponse),
  next: z.string().nullable().describe('pass as cursor for the next page; null on the last'),
  counts: z.object({
    pending: z.number().int(),
    created: z.number().int(),
    threaded: z.number().int(),
    ignored: z.number().int(),
    quarantined: z.number().int(),
  }),
});

export const inboundMailQuery = z.strictObject({
  outcome: inboundOutcome.optional(),
  mailboxId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});

export const inboundMailParams = z.strictObject({ id: z.uuid() });

export type MailboxAnswerSchema = z.output<typeof mailboxResponse>;
export type InboundMailAnswerSchema = z.output<typeof inboundMailResponse>;
