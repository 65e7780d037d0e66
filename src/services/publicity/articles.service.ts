/**
 * Customer education articles (R-G3, policy §7.3): written by administrators (publicity.manage) as
 * rich text, kept as drafts, published and unpublished. The body is sanitised with an allow-list
 * before it is stored (article-html.ts), so nothing executable is ever stored or served. Every write
 * is one transaction with its audit row.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import {
  IMAGE_MAX_BYTES,
  IMAGE_TYPES,
  imageIdsIn,
  imageTypeOf,
  staffImageUrl,
  type ArticleLanguage,
  type ArticleStatus,
} from '../../domain/publicity/article-rules.js';
import type { Database } from '../../db/database.js';
import {
  deleteArticle as deleteRow,
  existingImageIds,
  findArticle,
  findImage,
  insertArticle,
  insertImage,
  listArticles as listRows,
  setArticleImages,
  updateArticle as updateRow,
  type ArticleListRow,
  type ArticleRow,
} from '../../db/repositories/publicity.repository.js';
import { audit } from '../administration/audit.service.js';
import type { RequestMeta, ServiceContext } from '../context.js';
import { sanitizeArticleHtml } from './article-html.js';
import { requirePublicityManage } from './channels.service.js';

export interface ArticleInput {
  language: ArticleLanguage;
  title: string;
  summary: string;
  bodyHtml: string;
  coverImageId: string | null;
}

export interface ArticleSummaryView {
  id: string;
  language: ArticleLanguage;
  title: string;
  summary: string;
  coverImageId: string | null;
  coverImageUrl: string | null;
  status: ArticleStatus;
  publishedAt: Date | null;
  publishedBy: string | null;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}
export interface ArticleView extends ArticleSummaryView {
  bodyHtml: string;
}

function summaryOf(r: ArticleListRow): ArticleSummaryView {
  return {
    id: r.id,
    language: r.language,
    title: r.title,
    summary: r.summary,
    coverImageId: r.cover_image_id,
    coverImageUrl: r.cover_image_id ? staffImageUrl(r.cover_image_id) : null,
    status: r.status,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

function viewOf(r: ArticleRow): ArticleView {
  return { ...summaryOf(r), bodyHtml: r.body_html };
}

/** The sanitised body and the images it and the cover use (each must be an uploaded image). */
async function prepare(db: Database, input: ArticleInput): Promise<{ bodyHtml: string; imageIds: string[] }> {
  const bodyHtml = sanitizeArticleHtml(input.bodyHtml);
  const textless = bodyHtml.replace(/<(?!img\b)[^>]*>/g, '').trim() === '';
  if (textless) throw new DomainError('publicity_article_empty', {}, 'bodyHtml');
  const imageIds = imageIdsIn(bodyHtml);
  const all = input.coverImageId ? [...new Set([...imageIds, input.coverImageId])] : imageIds;
  const known = new Set(await existingImageIds(db, all));
  if (input.coverImageId && !known.has(input.coverImageId)) {
    throw new DomainError('publicity_image_unknown', { value: input.coverImageId }, 'coverImageId');
  }
  const missing = imageIds.find((id) => !known.has(id));
  if (missing) throw new DomainError('publicity_image_unknown', { value: missing }, 'bodyHtml');
  return { bodyHtml, imageIds: all };
}

export async function listArticles(ctx: ServiceContext, p: Principal): Promise<ArticleSummaryView[]> {
  requirePublicityManage(p);
  return (await listRows(ctx.db)).map(summaryOf);
}

export async function getArticle(ctx: ServiceContext, p: Principal, id: string): Promise<ArticleView> {
  requirePublicityManage(p);
  const row = await findArticle(ctx.db, id);
  if (!row) throw new DomainError('publicity_article_not_found');
  return viewOf(row);
}

export async function createArticle(ctx: ServiceContext, p: Principal, input: ArticleInput, meta: RequestMeta): Promise<ArticleView> {
  requirePublicityManage(p);
  const id = randomUUID();
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const { bodyHtml, imageIds } = await prepare(trx, input);
    await insertArticle(trx, {
      id,
      language: input.language,
      title: input.title,
      summary: input.summary,
      body_html: bodyHtml,
      cover_image_id: input.coverImageId,
      status: 'draft',
      published_at: null,
      published_by: null,
      created_at: at,
      created_by: p.username,
      updated_at: at,
      updated_by: p.username,
    });
    await setArticleImages(trx, id, imageIds);
    await audit(trx, meta, {
      at,
      actor: p.username,
      action: 'publicity.article_create',
      outcome: 'success',
      targetType: 'publicity_article',
      targetId: id,
      details: { title: input.title, language: input.language },
    });
  });
  return getArticle(ctx, p, id);
}

export async function updateArticle(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  input: ArticleInput,
  meta: RequestMeta,
): Promise<ArticleView> {
  requirePublicityManage(p);
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findArticle(trx, id, true);
    if (!row) throw new DomainError('publicity_article_not_found');
    const { bodyHtml, imageIds } = await prepare(trx, input);
    await updateRow(trx, id, {
      language: input.language,
      title: input.title,
      summary: input.summary,
      body_html: bodyHtml,
      cover_image_id: input.coverImageId,
      updated_at: at,
      updated_by: p.username,
    });
    await setArticleImages(trx, id, imageIds);
    await audit(trx, meta, {
      at,
      actor: p.username,
      action: 'publicity.article_update',
      outcome: 'success',
      targetType: 'publicity_article',
      targetId: id,
      details: { title: input.title, language: input.language, status: row.status },
    });
  });
  return getArticle(ctx, p, id);
}

/** Publish (the date is kept by later edits) or withdraw an article from the portal. */
export async function setArticleStatus(
  ctx: ServiceContext,
  p: Principal,
  id: string,
  status: ArticleStatus,
  meta: RequestMeta,
): Promise<ArticleView> {
  requirePublicityManage(p);
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findArticle(trx, id, true);
    if (!row) throw new DomainError('publicity_article_not_found');
    if (row.status === status) return;
    await updateRow(
      trx,
      id,
      status === 'published'
        ? { status, published_at: at, published_by: p.username, updated_at: at, updated_by: p.username }
        : { status, published_at: null, published_by: null, updated_at: at, updated_by: p.username },
    );
    await audit(trx, meta, {
      at,
      actor: p.username,
      action: status === 'published' ? 'publicity.article_publish' : 'publicity.article_unpublish',
      outcome: 'success',
      targetType: 'publicity_article',
      targetId: id,
      details: { title: row.title, language: row.language },
    });
  });
  return getArticle(ctx, p, id);
}

export async function deleteArticle(ctx: ServiceContext, p: Principal, id: string, meta: RequestMeta): Promise<void> {
  requirePublicityManage(p);
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findArticle(trx, id, true);
    if (!row) throw new DomainError('publicity_article_not_found');
    await deleteRow(trx, id);
    await audit(trx, meta, {
      at,
      actor: p.username,
      action: 'publicity.article_delete',
      outcome: 'success',
      targetType: 'publicity_article',
      targetId: id,
      details: { title: row.title, language: row.language, status: row.status },
    });
  });
}

/** Stores an uploaded image after checking its size and its type by its first bytes (no SVG). */
export async function uploadImage(
  ctx: ServiceContext,
  p: Principal,
  bytes: Buffer,
  meta: RequestMeta,
): Promise<{ id: string; url: string }> {
  requirePublicityManage(p);
  if (bytes.length > IMAGE_MAX_BYTES) throw new DomainError('publicity_image_too_large', { maxBytes: IMAGE_MAX_BYTES }, 'body');
  const type = bytes.length > 0 ? imageTypeOf(bytes) : null;
  if (!type)
    throw new DomainError('publicity_image_not_allowed', { allowed: IMAGE_TYPES.map((t) => t.slice(6).toUpperCase()).join(', ') }, 'body');
  const id = randomUUID();
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertImage(trx, {
      id,
      content_type: type,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      data: bytes,
      created_at: at,
      created_by: p.username,
    });
    await audit(trx, meta, {
      at,
      actor: p.username,
      action: 'publicity.image_upload',
      outcome: 'success',
      targetType: 'publicity_image',
      targetId: id,
      details: { contentType: type, size: bytes.length },
    });
  });
  return { id, url: staffImageUrl(id) };
}

export async function staffImage(ctx: ServiceContext, p: Principal, id: string) {
  requirePublicityManage(p);
  const row = await findImage(ctx.db, id);
  if (!row) throw new DomainError('publicity_image_not_found');
  return { contentType: row.content_type, data: row.data, sha256: row.sha256 };
}
