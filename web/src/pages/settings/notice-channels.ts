/** The notice settings' channels per group of notices (#11 item 6): the rules the settings page applies on a click. */
import type { Answer } from '../../api/client';

export type NoticeSettings = Answer<'/api/me/notice-settings', 'get'>;
export type Channels = NoticeSettings['channels'];
export type NoticeGroup = keyof Channels;
export type NoticeChannel = Channels[NoticeGroup][number];

export const GROUPS: readonly NoticeGroup[] = [
  'level1',
  'escalation',
  'breach',
  'deadline',
  'workflow',
  'improvement',
  'security',
  'system',
];
export const NOTICE_CHANNELS: readonly NoticeChannel[] = ['in_app', 'email', 'sms', 'digest'];

/**
 * One group's channels after a click: in-app always stays; the daily digest replaces e-mail and SMS
 * at once (the server sends either, never both), so choosing one side clears the other.
 */
export function toggled(current: readonly NoticeChannel[], channel: NoticeChannel, on: boolean): NoticeChannel[] {
  const next = new Set<NoticeChannel>(current);
  next.add('in_app');
  if (channel === 'in_app') return NOTICE_CHANNELS.filter((c) => next.has(c));
  if (!on) next.delete(channel);
  else {
    next.add(channel);
    if (channel === 'digest') {
      next.delete('email');
      next.delete('sms');
    } else next.delete('digest');
  }
  return NOTICE_CHANNELS.filter((c) => next.has(c));
}

/** The groups whose channels differ from what was loaded: only those are sent, so the others keep following the defaults. */
export function changedGroups(before: Channels, after: Channels): Partial<Channels> {
  const same = (a: readonly NoticeChannel[], b: readonly NoticeChannel[]) => a.length === b.length && a.every((c) => b.includes(c));
  return Object.fromEntries(GROUPS.filter((g) => !same(before[g], after[g])).map((g) => [g, after[g]]));
}
