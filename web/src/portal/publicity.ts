/**
 * The portal's publicity (R-G3): the channels and the process numbers of the policy in force
 * (GET /api/public/portal-info), the customer education articles, and how durations read.
 */
import { useEffect, useState } from 'react';
import type { Answer } from '../api/types';
import type { Locale } from '../i18n/locale';
import { headersFor, type Result, failureOf, networkFailure } from './api';

export type PortalInfo = Answer<'/api/public/portal-info', 'get'>;
export type PortalChannels = PortalInfo['channels'];
export type PortalProcess = PortalInfo['process'];
export type Duration = PortalProcess['acknowledgment'];
export type ArticleSummary = Answer<'/api/public/articles', 'get'>['items'][number];
export type Article = Answer<'/api/public/articles/{id}', 'get'>;

async function get<T>(url: string, locale: Locale): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'omit', headers: headersFor(locale) });
  } catch {
    return networkFailure;
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, value: body as T };
  return failureOf(res.status, body, res.headers.get('retry-after'));
}

const lang = (locale: Locale) => (locale === 'en-US' ? 'en' : 'zh-CN');

/** Loads an answer for the page's language, again when the language changes; null while loading or failed. */
function useLoaded<T>(load: (locale: Locale) => Promise<Result<T>>, locale: Locale, key = ''): { value: T | null; failed: boolean } {
  const [state, setState] = useState<{ value: T | null; failed: boolean }>({ value: null, failed: false });
  useEffect(() => {
    let live = true;
    void load(locale).then((answer) => {
      if (live) setState(answer.ok ? { value: answer.value, failed: false } : { value: null, failed: true });
    });
    return () => {
      live = false;
    };
    // load is a module-level function per call site; the key names what it loads
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale, key]);
  return state;
}

export function usePortalInfo(locale: Locale) {
  return useLoaded((l) => get<PortalInfo>(`/api/public/portal-info?language=${lang(l)}`, l), locale);
}

export function useArticles(locale: Locale) {
  return useLoaded((l) => get<{ items: ArticleSummary[] }>(`/api/public/articles?language=${lang(l)}`, l), locale);
}

export function useArticle(id: string, locale: Locale) {
  return useLoaded((l) => get<Article>(`/api/public/articles/${encodeURIComponent(id)}`, l), locale, id);
}

const UNITS_ZH: Record<Duration['unit'], string> = {
  minutes: '分钟',
  hours: '小时',
  working_hours: '个工作小时',
  working_days: '个工作日',
  calendar_days: '个自然日',
};
const UNITS_EN: Record<Duration['unit'], [string, string]> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  working_hours: ['working hour', 'working hours'],
  working_days: ['working day', 'working days'],
  calendar_days: ['calendar day', 'calendar days'],
};

/** "5 个工作日" / "5 working days". */
export function durationText(d: Duration, locale: Locale): string {
  if (locale === 'zh-CN') return `${d.amount} ${UNITS_ZH[d.unit]}`;
  const [one, many] = UNITS_EN[d.unit];
  return `${d.amount} ${d.amount === 1 ? one : many}`;
}

/** The article shown, from the address: /portal/articles/<id>. */
export function articleIdOf(pathname: string): string | null {
  const m = /^\/portal\/articles\/([0-9a-f-]{36})\/?$/.exec(pathname);
  return m ? m[1]! : null;
}
