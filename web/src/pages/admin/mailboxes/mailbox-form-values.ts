/** The mailbox form's values, and the request body made from them (#12 item 2). Pure: no React, no antd. */
import type { Mailbox, MailboxBody, MailboxKind, MailboxTls } from './mailbox-kit';

/** What the form holds: every field of both kinds (the kind chosen decides which are shown and sent). */
export interface Values {
  name: string;
  kind: MailboxKind;
  address?: string;
  host?: string;
  port?: number | null;
  tls: MailboxTls;
  username?: string;
  password?: string;
  folder?: string;
  intervalSeconds?: number | null;
  stallMinutes?: number | null;
  enabled: boolean;
  defaultBusinessLine?: string | null;
  defaultCategory?: string | null;
}

const COMMON = ['name', 'kind', 'stallMinutes', 'enabled', 'defaultBusinessLine', 'defaultCategory'] as const;
/** The fields each kind shows (server field errors go onto these; the others are not on the form). */
export const FIELDS: Record<MailboxKind, readonly string[]> = {
  smtp: [...COMMON, 'address'],
  imap: [...COMMON, 'address', 'host', 'port', 'tls', 'username', 'password', 'folder', 'intervalSeconds'],
};
const NEW: Values = {
  name: '',
  kind: 'smtp',
  tls: 'implicit',
  port: 993,
  folder: 'INBOX',
  intervalSeconds: 60,
  stallMinutes: 30,
  enabled: true,
};

export function initialValues(target: Mailbox | 'new'): Values {
  if (target === 'new') return NEW;
  return {
    name: target.name,
    kind: target.kind,
    address: target.address ?? undefined,
    host: target.host ?? undefined,
    port: target.port,
    tls: target.tls,
    username: target.username ?? undefined,
    folder: target.folder,
    intervalSeconds: target.intervalSeconds,
    stallMinutes: target.stallMinutes,
    enabled: target.enabled,
    defaultBusinessLine: target.defaultBusinessLine,
    defaultCategory: target.defaultCategory,
  };
}

const text = (v: string | undefined): string | undefined => (v?.trim() ? v.trim() : undefined);

/** The request body from what the form holds: only the chosen kind's fields; an empty password keeps the stored one. */
export function bodyOf(v: Values, previous: Mailbox | 'new'): MailboxBody {
  const common = {
    name: v.name.trim(),
    kind: v.kind,
    stallMinutes: v.stallMinutes ?? 30,
    intervalSeconds: v.intervalSeconds ?? (previous === 'new' ? 60 : previous.intervalSeconds),
    enabled: v.enabled,
    defaultBusinessLine: v.defaultBusinessLine ?? undefined,
    defaultCategory: v.defaultCategory ?? undefined,
  };
  if (v.kind === 'smtp') return { ...common, address: text(v.address) };
  return {
    ...common,
    address: text(v.address),
    host: text(v.host),
    port: v.port ?? undefined,
    tls: v.tls,
    username: text(v.username),
    folder: text(v.folder) ?? 'INBOX',
    // absent: the stored password is kept
    ...(v.password ? { password: v.password } : {}),
  };
}
