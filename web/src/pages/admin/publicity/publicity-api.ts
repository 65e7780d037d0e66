/** Queries of 系统管理 → 门户与宣传 and the image upload (the file itself as the body). */
import { useQuery } from '@tanstack/react-query';
import { apiErrorOf, requestHeaders } from '../../../api';
import { client, ok, type Answer } from '../../../api/client';

export type ChannelsVersion = Answer<'/api/publicity/channels', 'get'>;
export type Channels = ChannelsVersion['channels'];
export type ArticleSummary = Answer<'/api/publicity/articles', 'get'>['items'][number];
export type Article = Answer<'/api/publicity/articles/{id}', 'get'>;

export const PUBLICITY_KEYS = {
  channels: ['publicity', 'channels'],
  articles: ['publicity', 'articles'],
  article: (id: string) => ['publicity', 'article', id],
} as const;

export function useChannels() {
  return useQuery({ queryKey: PUBLICITY_KEYS.channels, queryFn: () => ok(client.GET('/api/publicity/channels')) });
}

export function useArticles() {
  return useQuery({
    queryKey: PUBLICITY_KEYS.articles,
    queryFn: () => ok(client.GET('/api/publicity/articles')),
    select: (d) => d.items,
  });
}

export function useArticle(id: string | null) {
  return useQuery({
    queryKey: PUBLICITY_KEYS.article(id ?? ''),
    queryFn: () => ok(client.GET('/api/publicity/articles/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

/** POST /api/publicity/images: the file as the body; answers its id and the address to use in the text. */
export async function uploadImage(file: File): Promise<{ id: string; url: string }> {
  const res = await fetch('/api/publicity/images', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...requestHeaders('POST'), 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw apiErrorOf(res.status, body);
  return body as { id: string; url: string };
}
