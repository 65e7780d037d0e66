/**
 * How the e-mail intake is limited (#12 item 2): the largest message taken (the SMTP listener
 * refuses a larger one with 552; an IMAP message over it is quarantined with its headers only), the
 * attachments accepted (the evidence types and size), and the timeouts of an IMAP connection.
 */
import { DEFAULT_EVIDENCE_SETTINGS, type EvidenceSettings } from '../../workflow/handlers/evidence-file.js';

const MIB = 1024 * 1024;

export interface MailIntakeSettings {
  /** the largest message, in bytes */
  maxBytes: number;
  /** attachments: the types and the largest file (the evidence rules) */
  evidence: EvidenceSettings;
  /** attachments kept per message; the rest are named in the text */
  maxAttachments: number;
  /** IMAP connection, greeting and socket timeouts */
  imapTimeoutMs: number;
  /** messages stored per poll; the rest wait for the next one */
  maxMessagesPerPoll: number;
  /** false accepts a self-signed IMAP certificate (a company's internal server) */
  tlsRejectUnauthorized: boolean;
}

export const DEFAULT_MAIL_MAX_BYTES = 50 * MIB;

export const DEFAULT_MAIL_INTAKE: MailIntakeSettings = {
  maxBytes: DEFAULT_MAIL_MAX_BYTES,
  evidence: DEFAULT_EVIDENCE_SETTINGS,
  maxAttachments: 20,
  imapTimeoutMs: 30_000,
  maxMessagesPerPoll: 200,
  tlsRejectUnauthorized: true,
};

export function mailIntakeSettings(partial: Partial<MailIntakeSettings> = {}): MailIntakeSettings {
  return { ...DEFAULT_MAIL_INTAKE, ...partial };
}
