/** Tables of the portal's publicity (#15 item 3, R-G3; migration 0027_publicity.sql). */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

export interface PortalChannelVersionsTable {
  version: number;
  /** the channels document (domain/publicity/portal-channels.ts), validated before it is written */
  channels: ColumnType<unknown, string, never>;
  created_at: Timestamp;
  created_by: string;
}

export interface PublicityImagesTable {
  id: string;
  content_type: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
  size: number;
  sha256: string;
  data: Buffer;
  created_at: Timestamp;
  created_by: string;
}

export interface PublicityArticlesTable {
  id: string;
  language: 'zh-CN' | 'en';
  title: string;
  summary: string;
  body_html: string;
  cover_image_id: string | null;
  status: 'draft' | 'published';
  published_at: NullableTimestamp;
  published_by: string | null;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
  updated_by: string;
}

export interface PublicityArticleImagesTable {
  article_id: string;
  image_id: string;
}

export interface PublicityTables {
  portal_channel_versions: PortalChannelVersionsTable;
  publicity_images: PublicityImagesTable;
  publicity_articles: PublicityArticlesTable;
  publicity_article_images: PublicityArticleImagesTable;
}
