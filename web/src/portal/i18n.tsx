import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, zh, type PortalKey } from './messages';

export type Locale = 'zh-CN' | 'en-US';

/** The same key as the signed-in app: one language choice per browser. */
const STORAGE_KEY = 'complaints.locale';
const dictionaries: Record<Locale, Record<PortalKey, string>> = { 'zh-CN': zh, 'en-US': en };

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

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function PortalI18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(storedLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = dictionaries[locale]['portal.title'];
  }, [locale]);

  const toggle = useCallback(() => {
    setLocale((current) => {
      const next = current === 'zh-CN' ? 'en-US' : 'zh-CN';
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // private mode: the choice lasts for this page only
      }
      return next;
    });
  }, []);

  const value = useMemo<PortalI18n>(() => {
    const dict: Record<string, string> = dictionaries[locale];
    const day = { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    const format = new Intl.DateTimeFormat(locale, { ...day, hour: '2-digit', minute: '2-digit', hour12: false });
    const dayFormat = new Intl.DateTimeFormat(locale, day);
    return {
      locale,
      toggle,
      t: (key, params = {}) => dictionaries[locale][key].replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? `{${name}}`),
      code: (prefix, code, suffix = undefined) => dict[`${prefix}.${code}${suffix ?? ''}`] ?? code,
      dateTime: (iso) => format.format(new Date(iso)),
      dueDate: (iso) => dayFormat.format(new Date(new Date(iso).getTime() - 1)),
    };
  }, [locale, toggle]);

  return <Context value={value}>{children}</Context>;
}

export function usePortalI18n(): PortalI18n {
  const i18n = use(Context);
  if (!i18n) throw new Error('usePortalI18n outside PortalI18nProvider');
  return i18n;
}
