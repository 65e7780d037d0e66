/**
 * What the portal shows without sign-in (R-G3): the channels in the reader's language, the process
 * with the numbers of the policy in force, the published customer education articles (the reader's
 * language, or the Chinese ones when there are none in it) and their images.
 */
import { DomainError } from '../../domain/errors.js';
import { PUBLIC_IMAGE_PATH, publicBody, type ArticleLanguage } from '../../domain/publicity/article-rules.js';
import { channelsFor } from '../../domain/publicity/portal-channels.js';
import { portalProcess } from '../../domain/publicity/portal-process.js';
import { findArticle, findPublishedImage, listPublishedArticles, type ArticleListRow } from '../../db/repositories/publicity.repository.js';
import { currentPolicy } from '../administration/policy.service.js';
import type { ServiceContext } from '../context.js';
import { currentChannels } from './channels.service.js';

export async function portalInfo(ctx: ServiceContext, language: ArticleLanguage) {
  const [channels, policy] = await Promise.all([currentChannels(ctx.db), currentPolicy(ctx.db)]);
  return {
    language,
    channels: channelsFor(channels.channels, language),
    channelsVersion: channels.version,
    process: portalProcess(policy.policy, policy.version),
  };
}

const publicCover = (id: string | null) => (id ? `${PUBLIC_IMAGE_PATH}${id}` : null);

function publicSummary(r: ArticleListRow) {
  return {
    id: r.id,
    language: r.language,
    title: r.title,
    summary: r.summary,
    coverImageUrl: publicCover(r.cover_image_id),
    publishedAt: r.published_at!,
  };
}

export async function publishedArticles(ctx: ServiceContext, language: ArticleLanguage) {
  let rows = await listPublishedArticles(ctx.db, language);
  if (rows.length === 0 && language !== 'zh-CN') rows = await listPublishedArticles(ctx.db, 'zh-CN');
  return rows.map(publicSummary);
}

/** A published article; a draft, an unpublished or an unknown one is the same 404. */
export async function publishedArticle(ctx: ServiceContext, id: string) {
  const row = await findArticle(ctx.db, id);
  if (!row || row.status !== 'published') throw new DomainError('publicity_article_not_found');
  return { ...publicSummary(row), bodyHtml: publicBody(row.body_html) };
}

/** An image only while a published article uses it; otherwise 404, as for an unknown id. */
export async function publishedImage(ctx: ServiceContext, id: string) {
  const row = await findPublishedImage(ctx.db, id);
  if (!row) throw new DomainError('publicity_image_not_found');
  return { contentType: row.content_type, data: row.data, sha256: row.sha256 };
}
