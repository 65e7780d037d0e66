/** What the inbound mailboxes and the inbound mail pages share (#12 item 2): the generated types, query keys, labels and tags. */
import { Tag } from 'antd';
import type { Answer, Body, ItemOf, Query } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';

export type MailboxList = Answer<'/api/admin/mailboxes', 'get'>;
export type Mailbox = ItemOf<MailboxList>;
export type MailboxBody = Body<'/api/admin/mailboxes', 'post'>;
export type MailboxKind = Mailbox['kind'];
export type MailboxTls = Mailbox['tls'];
export type HealthState = Mailbox['health']['state'];
export type ConnectionTest = Answer<'/api/admin/mailboxes/{id}/test', 'post'>;

export type InboundPage = Answer<'/api/admin/inbound-mail', 'get'>;
export type InboundMail = ItemOf<InboundPage>;
export type InboundOutcome = InboundMail['outcome'];
export type InboundQuery = Query<'/api/admin/inbound-mail', 'get'>;

export const MAILBOX_KEYS = { list: ['admin', 'mailboxes'], inbound: ['admin', 'inbound-mail'] } as const;

export const KINDS: readonly MailboxKind[] = ['smtp', 'imap'];
export const TLS_MODES: readonly MailboxTls[] = ['implicit', 'starttls', 'none'];
/** The port an IMAP server usually listens on for each way of encrypting. */
export const DEFAULT_PORT: Record<MailboxTls, number> = { implicit: 993, starttls: 143, none: 143 };

export const OUTCOMES: readonly InboundOutcome[] = ['created', 'threaded', 'ignored', 'quarantined', 'pending'];

/** Tag colours (antd presets) and chart colours. */
const HEALTH_TAG: Record<HealthState, string> = {
  ok: 'success',
  failing: 'error',
  stalled: 'warning',
  disabled: 'default',
  never: 'processing',
};
const OUTCOME_TAG: Record<InboundOutcome, string> = {
  created: 'success',
  threaded: 'blue',
  ignored: 'default',
  quarantined: 'error',
  pending: 'processing',
};
export const OUTCOME_COLOUR: Record<InboundOutcome, string> = {
  created: '#52c41a',
  threaded: '#1677ff',
  ignored: '#8c8c8c',
  quarantined: '#ff4d4f',
  pending: '#faad14',
};

export function HealthTag({ m }: { m: Pick<Mailbox, 'id' | 'health'> }) {
  const { label } = useI18n();
  const state = m.health.state;
  return (
    <Tag color={HEALTH_TAG[state]} data-testid={`mailbox-health-${m.id}`} data-state={state}>
      {label('mailboxes.health', state)}
    </Tag>
  );
}

export function OutcomeTag({ m }: { m: Pick<InboundMail, 'id' | 'outcome'> }) {
  const { label } = useI18n();
  return (
    <Tag color={OUTCOME_TAG[m.outcome]} data-testid={`inbound-outcome-${m.id}`} data-outcome={m.outcome}>
      {label('inbound.outcome', m.outcome)}
    </Tag>
  );
}

/** Where a mailbox's mail comes from, in one line: the forwarded address, or user@host:port/folder. */
export function mailboxSource(m: Pick<Mailbox, 'kind' | 'address' | 'host' | 'port' | 'username' | 'folder'>): string {
  if (m.kind === 'smtp') return m.address ?? '';
  const server = m.port ? `${m.host ?? ''}:${m.port}` : (m.host ?? '');
  return `${m.username ?? ''}@${server} · ${m.folder}`;
}

/** Bytes as people read them: 812 B, 14.2 KB, 3.1 MB. */
export function byteSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Offers a downloaded file to the user under the name the server suggests. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
