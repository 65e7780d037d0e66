/**
 * Publicity on the portal (#15 item 3, R-G3; policy §7.3). Administrators (publicity.manage) edit the
 * complaint channels and write customer education articles with images; the portal reads the
 * channels, the process numbers of the policy in force and the published articles without sign-in.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { articleLanguageOf, IMAGE_MAX_BYTES, IMAGE_TYPES } from '../../domain/publicity/article-rules.js';
import type { ServiceContext } from '../../services/context.js';
import {
  createArticle,
  deleteArticle,
  getArticle,
  listArticles,
  setArticleStatus,
  staffImage,
  updateArticle,
  uploadImage,
} from '../../services/publicity/articles.service.js';
import { channelHistory, channelsForAdmin, saveChannels } from '../../services/publicity/channels.service.js';
import { portalInfo, publishedArticle, publishedArticles, publishedImage } from '../../services/publicity/portal-info.service.js';
import { access, metaOf, principal } from '../auth/route-access.js';
import { fileDownload } from '../schemas/complaint.responses.js';
import {
  articleAnswer,
  articleBody,
  articleListAnswer,
  channelHistoryAnswer,
  channelsAnswer,
  channelsBody,
  idParams,
  imageAnswer,
  languageQuery,
  portalInfoAnswer,
  publicArticle,
  publicArticleList,
} from '../schemas/publicity.schemas.js';
import { answers } from '../schemas/response.js';

const UPLOAD_TYPES = [...IMAGE_TYPES, 'application/octet-stream'];
const imageFile = fileDownload('image/png', 'the image (PNG, JPEG, GIF or WebP) with the content type it was stored with');

function sendImage(reply: FastifyReply, image: { contentType: string; data: Buffer; sha256: string }, cacheControl: string) {
  return reply
    .header('content-type', image.contentType)
    .header('content-length', String(image.data.length))
    .header('cache-control', cacheControl)
    .header('x-content-type-options', 'nosniff')
    .header('etag', `"${image.sha256}"`)
    .send(image.data);
}

/** Administration: 系统管理 → 门户与宣传. */
export function publicityRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['publicity'];
    const manage = { access: access.to('publicity.manage') };
    // an image upload is the file itself as the body (Content-Type image/png, …), not a form
    app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: IMAGE_MAX_BYTES }, (_req, body, done) => done(null, body));

    app.get(
      '/api/publicity/channels',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The complaint channels the portal shows (the version in force)',
          response: answers({ 200: channelsAnswer }),
        },
      },
      async (req) => channelsForAdmin(ctx, principal(req)),
    );
    app.put(
      '/api/publicity/channels',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Save the complaint channels: a new version, audited',
          body: channelsBody,
          response: answers({ 200: channelsAnswer }),
        },
      },
      async (req) => saveChannels(ctx, principal(req), req.body, metaOf(req)),
    );
    app.get(
      '/api/publicity/channels/history',
      {
        config: manage,
        schema: { tags, summary: 'Saved versions of the channels: who and when', response: answers({ 200: channelHistoryAnswer }) },
      },
      async (req) => ({ items: await channelHistory(ctx, principal(req)) }),
    );

    app.get(
      '/api/publicity/articles',
      {
        config: manage,
        schema: { tags, summary: 'Customer education articles, drafts and published', response: answers({ 200: articleListAnswer }) },
      },
      async (req) => ({ items: await listArticles(ctx, principal(req)) }),
    );
    app.post(
      '/api/publicity/articles',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Write an article (a draft; the body is sanitised)',
          body: articleBody,
          response: answers({ 201: articleAnswer }),
        },
      },
      async (req, reply) => reply.status(201).send(await createArticle(ctx, principal(req), req.body, metaOf(req))),
    );
    app.get(
      '/api/publicity/articles/:id',
      {
        config: manage,
        schema: { tags, summary: 'An article with its body', params: idParams, response: answers({ 200: articleAnswer }, 404) },
      },
      async (req) => getArticle(ctx, principal(req), req.params.id),
    );
    app.put(
      '/api/publicity/articles/:id',
      {
        config: manage,
        schema: { tags, summary: 'Change an article', params: idParams, body: articleBody, response: answers({ 200: articleAnswer }, 404) },
      },
      async (req) => updateArticle(ctx, principal(req), req.params.id, req.body, metaOf(req)),
    );
    app.delete(
      '/api/publicity/articles/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Delete an article',
          params: idParams,
          response: answers({ 200: z.object({ ok: z.literal(true) }) }, 404),
        },
      },
      async (req) => {
        await deleteArticle(ctx, principal(req), req.params.id, metaOf(req));
        return { ok: true as const };
      },
    );
    for (const [step, status] of [
      ['publish', 'published'],
      ['unpublish', 'draft'],
    ] as const) {
      app.post(
        `/api/publicity/articles/:id/${step}`,
        {
          config: manage,
          schema: {
            tags,
            summary: step === 'publish' ? 'Publish an article on the portal' : 'Withdraw an article from the portal (back to draft)',
            params: idParams,
            response: answers({ 200: articleAnswer }, 404),
          },
        },
        async (req) => setArticleStatus(ctx, principal(req), req.params.id, status, metaOf(req)),
      );
    }

    app.post(
      '/api/publicity/images',
      {
        config: manage,
        bodyLimit: IMAGE_MAX_BYTES,
        schema: {
          tags,
          summary:
            'Upload an image for an article: the file itself as the body (Content-Type image/png, image/jpeg, image/gif or image/webp, at most 2 MB)',
          body: z
            .unknown()
            .meta({ content: Object.fromEntries(UPLOAD_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) }),
          response: answers({ 201: imageAnswer }, 413, 415),
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) {
          throw new DomainError(
            'publicity_image_not_allowed',
            { allowed: IMAGE_TYPES.map((t) => t.slice(6).toUpperCase()).join(', ') },
            'body',
          );
        }
        return reply.status(201).send(await uploadImage(ctx, principal(req), req.body, metaOf(req)));
      },
    );
    app.get(
      '/api/publicity/images/:id',
      {
        config: manage,
        compress: false,
        schema: { tags, summary: 'An uploaded image (drafts included)', params: idParams, response: answers({ 200: imageFile }, 404) },
      },
      async (req, reply) => sendImage(reply, await staffImage(ctx, principal(req), req.params.id), 'private, no-store'),
    );
  };
}

/** The portal's reads (no sign-in); cached briefly by browsers and proxies. */
export function publicPublicityRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['public'];
    const pub = { access: access.public };
    const languageOf = (query: { language?: string | undefined }, acceptLanguage: string | undefined) =>
      articleLanguageOf(query.language ?? acceptLanguage?.split(',')[0]?.trim() ?? 'zh-CN');

    app.get(
      '/api/public/portal-info',
      {
        config: pub,
        schema: {
          tags,
          summary: "The portal's channels and the process with the deadlines of the policy in force (no sign-in)",
          querystring: languageQuery,
          response: answers({ 200: portalInfoAnswer }),
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=60').header('vary', 'accept-language');
        return portalInfo(ctx, languageOf(req.query, req.headers['accept-language']));
      },
    );
    app.get(
      '/api/public/articles',
      {
        config: pub,
        schema: {
          tags,
          summary: "Published customer education articles in the reader's language (the Chinese ones when there are none in it)",
          querystring: languageQuery,
          response: answers({ 200: publicArticleList }),
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=60').header('vary', 'accept-language');
        return { items: await publishedArticles(ctx, languageOf(req.query, req.headers['accept-language'])) };
      },
    );
    app.get(
      '/api/public/articles/:id',
      {
        config: pub,
        schema: { tags, summary: 'A published article (drafts are 404)', params: idParams, response: answers({ 200: publicArticle }, 404) },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=60');
        return publishedArticle(ctx, req.params.id);
      },
    );
    app.get(
      '/api/public/articles/images/:id',
      {
        config: pub,
        compress: false,
        schema: {
          tags,
          summary: 'An image of a published article (404 while only drafts use it)',
          params: idParams,
          response: answers({ 200: imageFile }, 404),
        },
      },
      async (req, reply) => sendImage(reply, await publishedImage(ctx, req.params.id), 'public, max-age=300'),
    );
  };
}
