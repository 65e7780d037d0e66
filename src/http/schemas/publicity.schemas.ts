/** Request and response schemas of the portal's publicity (#15 item 3, R-G3): /api/publicity/... and /api/public/... */
import { z } from 'zod';
import { DURATION_UNITS } from '../../domain/codes.js';
import { ARTICLE_LANGUAGES, ARTICLE_LIMITS, ARTICLE_STATUSES } from '../../domain/publicity/article-rules.js';
import { portalChannelsSchema } from '../../domain/publicity/portal-channels.js';
import { requiredText } from './common.js';
import { instant } from './response.js';

// requests --------------------------------------------------------------------------------------

export const channelsBody = portalChannelsSchema;

export const articleBody = z.strictObject({
  language: z.enum(ARTICLE_LANGUAGES),
  title: requiredText(ARTICLE_LIMITS.title),
  summary: z.string().trim().max(ARTICLE_LIMITS.summary).default(''),
  bodyHtml: z
    .string()
    .min(1)
    .max(ARTICLE_LIMITS.bodyChars)
    .describe('HTML; sanitised on the server with an allow-list before it is stored'),
  coverImageId: z.uuid().nullable().default(null),
});

export const idParams = z.strictObject({ id: z.uuid() });

export const languageQuery = z.strictObject({
  language: z.enum(['zh-CN', 'en', 'en-US']).optional().describe('the reader language; default from Accept-Language'),
});

// responses -------------------------------------------------------------------------------------

const localized = z.object({ zh: z.string(), en: z.string() });

export const channelsDocument = z.object({
  companyName: localized,
  hotlines: z.array(z.object({ number: z.string(), label: localized, hours: localized })),
  email: z.string(),
  postal: z.object({ address: localized, recipient: localized, postCode: z.string() }),
  website: z.object({ name: localized, url: z.string() }),
  app: z.object({ name: localized }),
  wechat: z.object({ name: localized, account: z.string() }),
  branches: z.array(z.object({ name: localized, address: localized, hours: localized, phone: z.string() })),
});

export const channelsAnswer = z.object({
  version: z.number().int().describe('0: nothing saved yet, the demo defaults are shown'),
  channels: channelsDocument,
  updatedAt: instant.nullable(),
  updatedBy: z.string().nullable(),
});

export const channelHistoryAnswer = z.object({
  items: z.array(z.object({ version: z.number().int(), createdAt: instant, createdBy: z.string() })),
});

const articleSummaryShape = {
  id: z.string(),
  language: z.enum(ARTICLE_LANGUAGES),
  title: z.string(),
  summary: z.string(),
  coverImageId: z.string().nullable(),
  coverImageUrl: z.string().nullable(),
  status: z.enum(ARTICLE_STATUSES),
  publishedAt: instant.nullable(),
  publishedBy: z.string().nullable(),
  createdAt: instant,
  createdBy: z.string(),
  updatedAt: instant,
  updatedBy: z.string(),
};
export const articleSummary = z.object(articleSummaryShape);
export const articleAnswer = z.object({ ...articleSummaryShape, bodyHtml: z.string() });
export const articleListAnswer = z.object({ items: z.array(articleSummary) });
export const imageAnswer = z.object({
  id: z.string(),
  url: z.string().describe('the address to use in an article body (signed-in staff)'),
});

const publicArticleShape = {
  id: z.string(),
  language: z.enum(ARTICLE_LANGUAGES),
  title: z.string(),
  summary: z.string(),
  coverImageUrl: z.string().nullable(),
  publishedAt: instant,
};
export const publicArticleList = z.object({ items: z.array(z.object(publicArticleShape)) });
export const publicArticle = z.object({ ...publicArticleShape, bodyHtml: z.string().describe('sanitised HTML') });

const duration = z.object({ amount: z.number().int(), unit: z.enum(DURATION_UNITS) });

export const portalInfoAnswer = z.object({
  language: z.enum(ARTICLE_LANGUAGES),
  channelsVersion: z.number().int(),
  channels: z.object({
    companyName: z.string(),
    hotlines: z.array(z.object({ number: z.string(), label: z.string(), hours: z.string() })),
    email: z.string(),
    postal: z.object({ address: z.string(), recipient: z.string(), postCode: z.string() }),
    website: z.object({ name: z.string(), url: z.string() }),
    app: z.object({ name: z.string() }),
    wechat: z.object({ name: z.string(), account: z.string() }),
    branches: z.array(z.object({ name: z.string(), address: z.string(), hours: z.string(), phone: z.string() })),
  }),
  process: z.object({
    policyVersion: z.number().int(),
    acknowledgment: duration,
    urgentInitialResponse: duration,
    onlineFirstReply: duration,
    levels: z.array(z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), answer: duration })),
    level2FirstReply: duration,
    satisfactionFollowup: duration,
    regulatory: z.object({ decisionDays: z.number().int(), extendedDays: z.number().int() }),
    reopen: z.object({
      formalReviewFromRound: z.number().int(),
      formalReviewBy: z.enum(['department_head', 'leadership']),
      formalReview: duration,
    }),
    externalRoutes: z.array(z.object({ sector: z.enum(['insurance', 'securities']), number: z.string() })),
  }),
});
