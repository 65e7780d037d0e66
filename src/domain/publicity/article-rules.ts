/**
 * Customer education articles (R-G3): languages, limits, the images they may use and how those are
 * addressed. Bodies only ever reference images of this system: the editor's address
 * `/api/publicity/images/<id>` (signed-in staff) is stored, and the public answer of a published
 * article rewrites it to `/api/public/articles/images/<id>`.
 */
export const ARTICLE_LANGUAGES = ['zh-CN', 'en'] as const;
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];
export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_LIMITS = { title: 200, summary: 500, bodyChars: 200_000 } as const;
/** an uploaded image's largest size */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const STAFF_IMAGE_PATH = '/api/publicity/images/';
export const PUBLIC_IMAGE_PATH = '/api/public/articles/images/';
/** an image source the sanitiser keeps: one of our images, by its staff address */
export const OWN_IMAGE_SRC = new RegExp(`^${STAFF_IMAGE_PATH.replaceAll('/', '\\/')}(${UUID})$`);

export function staffImageUrl(id: string): string {
  return `${STAFF_IMAGE_PATH}${id}`;
}

/** The ids of our images a (sanitised) body uses, once each. */
export function imageIdsIn(html: string): string[] {
  const found = html.matchAll(new RegExp(`${STAFF_IMAGE_PATH.replaceAll('/', '\\/')}(${UUID})`, 'g'));
  return [...new Set([...found].map((m) => m[1]!))];
}

/** The body as the public sees it: our images at their public address. */
export function publicBody(html: string): string {
  return html.replaceAll(`src="${STAFF_IMAGE_PATH}`, `src="${PUBLIC_IMAGE_PATH}`);
}

/** The image type its first bytes show (never the declared type): PNG, JPEG, GIF or WebP; anything else null. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  const starts = (sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** The portal's language for a reader's locale (zh-CN, en-US, en…): English or Chinese. */
export function articleLanguageOf(locale: string): ArticleLanguage {
  return locale.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
