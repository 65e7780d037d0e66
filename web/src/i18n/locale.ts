/**
 * The i18n core of both entry points, the signed-in app (i18n.tsx) and the public portal
 * (portal/i18n.tsx): the language choice, message placeholders and date formats. Each entry point
 * keeps its own dictionary; this file imports nothing but React, so the portal stays light.
 */
import { useCallback, useEffect, useState } from 'react';

export type Locale = 'zh-CN' | 'en-US';

/** One language choice per browser: the app and the portal read and write the same key. */
const STORAGE_KEY = 'complaints.locale';

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * The page's language: the stored choice (Simplified Chinese by default), kept in `<html lang>`
 * and the document's title. `titles` is a constant (a new object each render re-runs the effect).
 */
export function useLocale(titles: Readonly<Record<Locale, string>>): [Locale, (next: Locale) => void] {
  const [locale, setState] = useState<Locale>(storedLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = titles[locale];
  }, [locale, titles]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setState(next);
  }, []);
  return [locale, setLocale];
}

/** A message with its {name} placeholders filled in; a placeholder without a value stays as it is. */
export function fill(message: string, params: Readonly<Record<string, string | number>> = {}): string {
  return message.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? `{${name}}`));
}

/** Dates, and dates with times (24-hour clock), in the company's time zone (Asia/Shanghai). */
export function dateFormats(locale: Locale): { day: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat } {
  const day = { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' } as const;
  return {
    day: new Intl.DateTimeFormat(locale, day),
    dateTime: new Intl.DateTimeFormat(locale, { ...day, hour: '2-digit', minute: '2-digit', hour12: false }),
  };
}
