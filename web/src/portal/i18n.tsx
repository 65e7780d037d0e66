import { createContext, use, useMemo, type ReactNode } from 'react';
import { dateFormats, fill, useLocale, type Locale } from '../i18n/locale';
import { en, zh, type PortalKey } from './messages';

const dictionaries: Record<Locale, Record<PortalKey, string>> = { 'zh-CN': zh, 'en-US': en };
const titles: Record<Locale, string> = { 'zh-CN': zh['portal.title'], 'en-US': en['portal.title'] };

export interface PortalI18n {
  locale: Locale;
  toggle(): void;
  t(key: PortalKey, params?: Record<string, string>): string;
  /** A message chosen by a code from the server (status.*, stage.*), or the fallback. */
  code(prefix: 'status' | 'stage', code: string, suffix?: '.body'): string;
  /** Date and time in the company's time zone. */
  dateTime(iso: string): string;
  /** The last day a deadline includes: a deadline at 00:00 is the end of the day before. */
  dueDate(iso: string): string;
}

const Context = createContext<PortalI18n | null>(null);

/** The portal's messages (its own small dictionary) on the i18n core the signed-in app uses too. */
export function PortalI18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useLocale(titles);

  const value = useMemo<PortalI18n>(() => {
    const dict = dictionaries[locale];
    const formats = dateFormats(locale);
    return {
      locale,
      toggle: () => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN'),
      t: (key, params) => fill(dict[key], params),
      code: (prefix, code, suffix = undefined) => (dict as Record<string, string | undefined>)[`${prefix}.${code}${suffix ?? ''}`] ?? code,
      dateTime: (iso) => formats.dateTime.format(new Date(iso)),
      dueDate: (iso) => formats.day.format(new Date(new Date(iso).getTime() - 1)),
    };
  }, [locale, setLocale]);

  return <Context value={value}>{children}</Context>;
}

export function usePortalI18n(): PortalI18n {
  const i18n = use(Context);
  if (!i18n) throw new Error('usePortalI18n outside PortalI18nProvider');
  return i18n;
}
