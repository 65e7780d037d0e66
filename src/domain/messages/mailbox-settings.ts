/**
 * A mailbox's settings as an administrator gives them (#12 item 2), checked beyond their shape: an
 * SMTP mailbox needs the address the listener accepts; an IMAP one a host, a user name and (when
 * created) a password; the default business line and category must be offered by the policy and fit
 * each other. Pure.
 */
import { categoryFitsLine } from '../policy/category-lines.js';
import type { Policy } from '../policy/policy.schema.js';
import type { FieldIssue } from '../validation.js';
import { isEmailAddress } from './mail-headers.js';

export type MailboxTls = 'implicit' | 'starttls' | 'none';

export interface MailboxInput {
  name: string;
  kind: 'smtp' | 'imap';
  address?: string | null;
  host?: string | null;
  port?: number | null;
  tls?: MailboxTls;
  username?: string | null;
  /** absent: keep the stored one (on a change); never answered */
  password?: string | null;
  folder?: string | null;
  intervalSeconds: number;
  stallMinutes: number;
  enabled: boolean;
  defaultBusinessLine?: string | null;
  defaultCategory?: string | null;
}

/** The settings as stored: trimmed, the address in lower case, the port by TLS when not given. */
export interface MailboxSettings {
  name: string;
  kind: 'smtp' | 'imap';
  address: string | null;
  host: string | null;
  port: number | null;
  tls: MailboxTls;
  username: string | null;
  folder: string;
  intervalSeconds: number;
  stallMinutes: number;
  enabled: boolean;
  defaultBusinessLine: string | null;
  defaultCategory: string | null;
}

const blank = (v: string | null | undefined) => {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
};

export function normalizeMailbox(input: MailboxInput): MailboxSettings {
  const tls = input.tls ?? 'implicit';
  const imap = input.kind === 'imap';
  return {
    name: input.name.trim(),
    kind: input.kind,
    address: blank(input.address)?.toLowerCase() ?? null,
    host: imap ? blank(input.host) : null,
    port: imap ? (input.port ?? (tls === 'implicit' ? 993 : 143)) : null,
    tls,
    username: imap ? blank(input.username) : null,
    folder: blank(input.folder) ?? 'INBOX',
    intervalSeconds: input.intervalSeconds,
    stallMinutes: input.stallMinutes,
    enabled: input.enabled,
    defaultBusinessLine: blank(input.defaultBusinessLine),
    defaultCategory: blank(input.defaultCategory),
  };
}

/** Every rule the settings break, by field; `hasPassword`: a password is stored or given. */
export function mailboxIssues(s: MailboxSettings, hasPassword: boolean, policy: Policy): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (s.kind === 'smtp' && s.address === null) issues.push({ field: 'address', code: 'required' });
  if (s.address !== null && !isEmailAddress(s.address)) issues.push({ field: 'address', code: 'mailbox_address_invalid' });
  if (s.kind === 'imap') {
    if (s.host === null) issues.push({ field: 'host', code: 'required' });
    if (s.username === null) issues.push({ field: 'username', code: 'required' });
    if (!hasPassword) issues.push({ field: 'password', code: 'required' });
  }
  const lines = policy.taxonomies.businessLines.filter((l) => l.active);
  const categories = policy.taxonomies.categories.filter((c) => c.active);
  if (s.defaultBusinessLine !== null && !lines.some((l) => l.code === s.defaultBusinessLine))
    issues.push({ field: 'defaultBusinessLine', code: 'unknown_code', params: { taxonomy: 'businessLine', value: s.defaultBusinessLine } });
  if (s.defaultCategory !== null && !categories.some((c) => c.code === s.defaultCategory))
    issues.push({ field: 'defaultCategory', code: 'unknown_code', params: { taxonomy: 'category', value: s.defaultCategory } });
  if (
    issues.length === 0 &&
    s.defaultBusinessLine !== null &&
    s.defaultCategory !== null &&
    !categoryFitsLine(policy.taxonomies.categoryLines, s.defaultCategory, s.defaultBusinessLine)
  ) {
    const category = categories.find((c) => c.code === s.defaultCategory);
    const line = lines.find((l) => l.code === s.defaultBusinessLine);
    issues.push({
      field: 'defaultCategory',
      code: 'category_not_of_business_line',
      params: {
        value: s.defaultCategory,
        businessLine: s.defaultBusinessLine,
        categoryZh: category?.zh ?? s.defaultCategory,
        categoryEn: category?.en ?? s.defaultCategory,
        lineZh: line?.zh ?? s.defaultBusinessLine,
        lineEn: line?.en ?? s.defaultBusinessLine,
      },
    });
  }
  return issues;
}

/** Whether a change points the mailbox at another folder (its UIDs start again). */
export function movesFolder(before: Pick<MailboxSettings, 'host' | 'port' | 'username' | 'folder'>, after: MailboxSettings): boolean {
  return before.host !== after.host || before.port !== after.port || before.username !== after.username || before.folder !== after.folder;
}
