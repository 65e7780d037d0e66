import { createContext, use, useCallback, useMemo, type ReactNode } from 'react';
import { setApiLanguage } from '../api';
import { en, zh, type MessageKey } from './dictionary';
import { dateFormats, fill, useLocale, type Locale } from './locale';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, 'en-US': en };
const titles: Record<Locale, string> = { 'zh-CN': zh['app.title'], 'en-US': en['app.title'] };

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

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, storeLocale] = useLocale(titles);
  setApiLanguage(locale);

  const setLocale = useCallback(
    (next: Locale) => {
      setApiLanguage(next);
      storeLocale(next);
    },
    [storeLocale],
  );

  const value = useMemo<I18n>(() => {
    const dict: Record<string, string> = dictionaries[locale];
    const format = dateFormats(locale).dateTime;
    const currency = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
    return {
      locale,
      setLocale,
      t: (key, params) => fill(dict[key]!, params),
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
