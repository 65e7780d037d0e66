import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api';
import { en, zh, type MessageKey } from './dictionary';

export type Locale = 'zh-CN' | 'en-US';
const STORAGE_KEY = 'complaints.locale';
const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en };

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** A message, with {name} placeholders filled in. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** The label of a code under a prefix (status, level, action…), or the code itself. */
  label(prefix: string, code: string | number): string;
  /** A date and time in the company's time zone. */
  dateTime(iso: string | null | undefined): string;
  /** An amount in yuan (a decimal string from the API). */
  money(amount: string): string;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * A date and time; an instant at exactly midnight is shown as 24:00 of the day before, because
 * that is what it means for a deadline ("due by the end of 10 Dec", not "on 11 Dec").
 */
export function formatInstant(format: Intl.DateTimeFormat, at: Date): string {
  if (at.getUTCSeconds() !== 0 || at.getUTCMilliseconds() !== 0) return format.format(at);
  const parts = format.formatToParts(at);
  const hour = parts.find((p) => p.type === 'hour')?.value;
  const minute = parts.find((p) => p.type === 'minute')?.value;
  if (!(hour === '00' || hour === '24') || minute !== '00') return format.format(at);
  return format
    .formatToParts(new Date(at.getTime() - 60_000))
    .map((p) => (p.type === 'hour' ? '24' : p.type === 'minute' ? '00' : p.value))
    .join('');
}

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en-US' || stored === 'zh-CN' ? stored : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  setApiLanguage(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = dictionaries[locale]['app.title'];
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setApiLanguage(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dict: Record<string, string> = dictionaries[locale];
    const format = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    const currency = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
    return {
      locale,
      setLocale,
      t: (key, params = {}) => dict[key]!.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? `{${name}}`)),
      label: (prefix, code) => dict[`${prefix}.${code}`] ?? String(code),
      dateTime: (iso) => (iso ? formatInstant(format, new Date(iso)) : dict['common.none']!),
      money: (amount) => currency.format(Number(amount)),
    };
  }, [locale, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
