/**
 * The portal's complaint channels (R-G3): read by everyone through the portal, changed by
 * administrators (publicity.manage). Each save is a new version (who and when kept with it) and an
 * audit row in the same transaction; until the first save the demo defaults are shown.
 */
import { can, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import { DEMO_CHANNELS } from '../../domain/publicity/channel-defaults.js';
import { portalChannelsSchema, type PortalChannels, type PortalChannelsInput } from '../../domain/publicity/portal-channels.js';
import type { Database } from '../../db/database.js';
import {
  findCurrentChannels,
  insertChannelVersion,
  listChannelVersions,
  lockChannelVersions,
} from '../../db/repositories/publicity.repository.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';

export interface ChannelsVersion {
  /** 0: nothing saved yet, the demo defaults */
  version: number;
  channels: PortalChannels;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export function requirePublicityManage(p: Principal): void {
  if (!can(p, 'publicity.manage')) throw new DomainError('forbidden', { action: 'publicity.manage' });
}

export async function currentChannels(db: Database): Promise<ChannelsVersion> {
  const row = await findCurrentChannels(db);
  if (!row) return { version: 0, channels: DEMO_CHANNELS, updatedAt: null, updatedBy: null };
  return { version: row.version, channels: portalChannelsSchema.parse(row.channels), updatedAt: row.created_at, updatedBy: row.created_by };
}

export async function channelsForAdmin(ctx: ServiceContext, p: Principal): Promise<ChannelsVersion> {
  requirePublicityManage(p);
  return currentChannels(ctx.db);
}

export async function channelHistory(ctx: ServiceContext, p: Principal) {
  requirePublicityManage(p);
  const rows = await listChannelVersions(ctx.db);
  return rows.map((r) => ({ version: r.version, createdAt: r.created_at, createdBy: r.created_by }));
}

export async function saveChannels(
  ctx: ServiceContext,
  p: Principal,
  input: PortalChannelsInput,
  meta: RequestMeta,
): Promise<ChannelsVersion> {
  requirePublicityManage(p);
  const channels = portalChannelsSchema.parse(input);
  const at = ctx.now();
  const version = await ctx.db.transaction().execute(async (trx) => {
    await lockChannelVersions(trx);
    const previous = await findCurrentChannels(trx);
    const next = (previous?.version ?? 0) + 1;
    await insertChannelVersion(trx, next, channels, at, p.username);
    await audit(trx, meta, {
      at,
      actor: p.username,
      action: 'publicity.channels_update',
      outcome: 'success',
      targetType: 'portal_channels',
      targetId: String(next),
      details: { version: next, previous: previous?.version ?? null },
    });
    return next;
  });
  return { version, channels, updatedAt: at, updatedBy: p.username };
}
