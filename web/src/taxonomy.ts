import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './api';
import { useI18n } from './i18n/i18n';
import { can, useMe } from './session';
import type { PolicyAnswer, TaxonomyEntry } from './types';

export type TaxonomyName = 'channels' | 'categories' | 'businessLines' | 'causes' | 'outcomes';

/** Labels of the policy's editable lists (channels, categories) in the current language. */
export function useTaxonomy() {
  const { locale } = useI18n();
  const me = useMe();
  const policy = useQuery({
    queryKey: ['policy'],
    queryFn: () => api<PolicyAnswer>('GET', '/api/policy'),
    enabled: can(me.data, 'policy.read'),
    staleTime: 10 * 60_000,
  });
  const entries = useCallback((name: TaxonomyName): TaxonomyEntry[] => policy.data?.policy.taxonomies[name] ?? [], [policy.data]);
  const label = useCallback(
    (name: TaxonomyName, code: string): string => {
      const e = entries(name).find((x) => x.code === code);
      return e ? (locale === 'zh-CN' ? e.zh : e.en) : code;
    },
    [entries, locale],
  );
  return { entries, label };
}
