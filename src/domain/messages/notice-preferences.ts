/**
 * How staff are told (#11 item 6, R-H4): each kind of notice belongs to a group, and each user
 * chooses per group the channels: in the app, by e-mail, by SMS, or once a day in a digest. Level-1
 * alerts always go out at once (never in a digest, never held by quiet hours). Pure.
 */
export const NOTICE_CHANNELS = ['in_app', 'email', 'sms', 'digest'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const NOTICE_GROUPS = ['level1', 'escalation', 'breach', 'deadline', 'workflow', 'improvement', 'security', 'system'] as const;
export type NoticeGroup = (typeof NOTICE_GROUPS)[number];

/** The notification kinds (notifications.kind) of each group; a kind not listed is 'workflow'. */
const GROUP_OF_KIND: Record<string, NoticeGroup> = {
  level1_registered: 'level1',
  level1_regraded: 'level1',
  complaint_arrived: 'workflow',
  customer_wrote: 'workflow',
  clock_escalated: 'escalation',
  clock_breached: 'breach',
  progress_stalled: 'breach',
  message_failed: 'breach',
  mail_quarantined: 'system',
  mailbox_stalled: 'system',
  report_ready: 'system',
  spike_raised: 'breach',
  clock_warning: 'deadline',
  improvement_action: 'improvement',
  sign_in_attack: 'security',
  hash_mismatch: 'security',
  sequence_gap: 'security',
  no_events: 'security',
  calendar_changed: 'system',
  policy_changed: 'system',
  holiday: 'system',
};

export function noticeGroupOf(kind: string): NoticeGroup {
  return GROUP_OF_KIND[kind] ?? 'workflow';
}

/** Without a choice of their own: urgent things by e-mail and SMS too, the rest in the app. */
export const DEFAULT_NOTICE_CHANNELS: Record<NoticeGroup, readonly NoticeChannel[]> = {
  level1: ['in_app', 'email', 'sms'],
  escalation: ['in_app', 'email', 'sms'],
  breach: ['in_app', 'email'],
  deadline: ['in_app', 'email'],
  workflow: ['in_app'],
  improvement: ['in_app'],
  security: ['in_app', 'email'],
  system: ['in_app', 'email'],
};

/** Groups that always reach the user at once: no digest, no quiet hours. */
export const URGENT_GROUPS: ReadonlySet<NoticeGroup> = new Set(['level1']);

export type NoticePreferences = Partial<Record<NoticeGroup, readonly NoticeChannel[]>>;

export interface NoticePlan {
  email: boolean;
  sms: boolean;
  /** in the next digest instead of at once */
  digest: boolean;
  /** held by quiet hours */
  respectQuietHours: boolean;
}

/** Which outside channels a notice of this kind takes for this user (in-app is always written). */
export function planNotice(kind: string, prefs: NoticePreferences): NoticePlan {
  const group = noticeGroupOf(kind);
  const chosen = new Set(prefs[group] ?? DEFAULT_NOTICE_CHANNELS[group]);
  const urgent = URGENT_GROUPS.has(group);
  const digest = !urgent && chosen.has('digest');
  return {
    email: !digest && chosen.has('email'),
    sms: !digest && chosen.has('sms'),
    digest,
    respectQuietHours: !urgent,
  };
}

export interface QuietHours {
  /** HH:MM local time */
  start: string;
  end: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isQuietHours(q: unknown): q is QuietHours {
  return typeof q === 'object' && q !== null && HHMM.test((q as QuietHours).start) && HHMM.test((q as QuietHours).end);
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * When a notice may go out: `at` itself, or the end of the quiet hours it falls in. `localMinutes`
 * is the minute of the day at `at` in the company's time zone.
 */
export function quietUntil(at: Date, localMinutes: number, q: QuietHours | null): Date {
  if (!q || q.start === q.end) return at;
  const start = minutes(q.start);
  const end = minutes(q.end);
  const inside = start < end ? localMinutes >= start && localMinutes < end : localMinutes >= start || localMinutes < end;
  if (!inside) return at;
  const wait = (end - localMinutes + 24 * 60) % (24 * 60);
  return new Date(at.getTime() + wait * 60_000 - (at.getTime() % 60_000));
}
