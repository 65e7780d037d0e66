/**
 * A staff member's contact details and how they want to be told (#11 item 6): e-mail address,
 * mobile phone, language, per group of notices the channels (in-app, e-mail, SMS, daily digest),
 * and quiet hours during which e-mail and SMS wait (level-1 alerts excepted).
 */
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import {
  DEFAULT_NOTICE_CHANNELS,
  isQuietHours,
  NOTICE_GROUPS,
  URGENT_GROUPS,
  type NoticeChannel,
  type NoticeGroup,
  type QuietHours,
} from '../../domain/messages/notice-preferences.js';
import { findUser, updateNoticeSettings } from '../../db/repositories/user.repository.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { audit } from '../administration/audit.service.js';

export interface NoticeSettings {
  email: string | null;
  mobile: string | null;
  locale: 'zh-CN' | 'en-US';
  /** every group with its channels: the user's choice or the default */
  channels: Record<NoticeGroup, NoticeChannel[]>;
  /** groups the user has not chosen for (the default applies) */
  defaults: NoticeGroup[];
  /** groups that always go out at once */
  urgent: NoticeGroup[];
  quietHours: QuietHours | null;
}

export interface NoticeSettingsInput {
  email?: string | null;
  mobile?: string | null;
  locale?: 'zh-CN' | 'en-US';
  channels?: Partial<Record<NoticeGroup, NoticeChannel[]>>;
  quietHours?: QuietHours | null;
}

export async function getNoticeSettings(ctx: ServiceContext, p: Principal): Promise<NoticeSettings> {
  const u = await findUser(ctx.db, { id: p.userId });
  if (!u) throw new DomainError('user_not_found');
  const chosen = (u.notice_channels ?? {}) as Partial<Record<NoticeGroup, NoticeChannel[]>>;
  const channels = Object.fromEntries(NOTICE_GROUPS.map((g) => [g, [...(chosen[g] ?? DEFAULT_NOTICE_CHANNELS[g])]])) as Record<
    NoticeGroup,
    NoticeChannel[]
  >;
  return {
    email: u.email,
    mobile: u.mobile,
    locale: u.locale,
    channels,
    defaults: NOTICE_GROUPS.filter((g) => chosen[g] === undefined),
    urgent: [...URGENT_GROUPS],
    quietHours: isQuietHours(u.quiet_hours) ? u.quiet_hours : null,
  };
}

export async function updateOwnNoticeSettings(
  ctx: ServiceContext,
  meta: RequestMeta,
  p: Principal,
  input: NoticeSettingsInput,
): Promise<NoticeSettings> {
  const u = await findUser(ctx.db, { id: p.userId });
  if (!u) throw new DomainError('user_not_found');
  const now = ctx.now();
  const merged = input.channels
    ? {
        ...(u.notice_channels as Record<string, string[]>),
        ...Object.fromEntries(Object.entries(input.channels).map(([g, c]) => [g, [...new Set(c)]])),
      }
    : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    await updateNoticeSettings(
      trx,
      p.userId,
      {
        email: input.email === undefined ? undefined : input.email?.trim() || null,
        mobile: input.mobile === undefined ? undefined : input.mobile?.replace(/[\s-]/g, '') || null,
        locale: input.locale,
        noticeChannels: merged,
        quietHours: input.quietHours,
      },
      now,
    );
    await audit(trx, meta, {
      at: now,
      actor: p.username,
      action: 'user.notice_settings',
      outcome: 'success',
      targetType: 'user',
      targetId: p.userId,
      details: { fields: Object.keys(input) },
    });
  });
  return getNoticeSettings(ctx, p);
}
