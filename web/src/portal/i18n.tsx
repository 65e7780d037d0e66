import { createContext, use, useMemo, type ReactNode } from 'react';
import { dateFormats, fill, useLocale, type Locale } from '../i18n/locale';
import { en, zh, type PortalKey } from './messages';
import { onlineEn, onlineZh } from './messages-online';

const dictionaries: Record<Locale, Record<PortalKey, string>> = { 'zh-CN': { ...zh, ...onlineZh }, 'en-US': { ...en, ...onlineEn } };
const titles: Record<Locale, string> = { 'zh-CN': zh['portal.title'], 'en-US': en['portal.title'] };

export interface PortalI18n {
  locale: Locale;
  toggle(): void;
  /** The message, or the key itself when there is none (keys built from a server's code). */
  t(key: PortalKey, params?: Record<string, string>): string;
  /** A message chosen by a code from the server (status.*, stage.*), or the fallback. */
  code(prefix: 'status' | 'stage', code: string, suffix?: '.body'): string;
  /** Date and time in the company's time zone. */
  dateTime(iso: string): string;
  /** The last day a deadline includes: a deadline at 00:00 is the end of the day before. */
  dueDate(iso: string): string;
  /** A calendar day given as YYYY-MM-DD, in the page's format. */
  calendarDay(ymd: string): string;
}

const Context = createContext<PortalI18n | null>(null);

/** The portal's messages (its own small dictionary) on the i18n core the signed-in app uses too. */
export function PortalI18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useLocale(titles);

  const value = useMemo<PortalI18n>(() => {
    const dict = dictionaries[locale];
    const formats = dateFormats(locale);
    const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    return {
      locale,
      toggle: () => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN'),
      t: (key, params) => fill((dict as Record<string, string | undefined>)[key] ?? key, params),
      code: (prefix, code, suffix = undefined) => (dict as Record<string, string | undefined>)[`${prefix}.${code}${suffix ?? ''}`] ?? code,
      dateTime: (iso) => formats.dateTime.format(new Date(iso)),
      dueDate: (iso) => formats.day.format(new Date(new Date(iso).getTime() - 1)),
      calendarDay: (ymd) => {
        const [y, m, d] = ymd.split('-').map(Number);
        return y && m && d ? day.format(new Date(Date.UTC(y, m - 1, d))) : ymd;
      },
    };
  }, [locale, setLocale]);

  return <Context value={value}>{children}</Context>;
}

export function usePortalI18n(): PortalI18n {
  const i18n = use(Context);
  if (!i18n) throw new Error('usePortalI18n outside PortalI18nProvider');
  return i18n;
}
