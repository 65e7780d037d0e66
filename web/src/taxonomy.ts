import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { client, ok } from './api/client';
import { useI18n } from './i18n/i18n';
import { can, useMe } from './session';
import type { TaxonomyEntry } from './types';

export type TaxonomyName = 'channels' | 'categories' | 'businessLines' | 'causes' | 'outcomes' | 'customerGroups';

/** Labels of the policy's editable lists (channels, categories) in the current language. */
export function useTaxonomy() {
  const { locale } = useI18n();
  const me = useMe();
  const policy = useQuery({
    queryKey: ['policy'],
    queryFn: () => ok(client.GET('/api/policy')),
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
  /**
   * Whether a category may be chosen for a business line (none chosen yet: every category); the
   * policy's categoryLines maps a category to its lines, one not listed belongs to every line.
   */
  const fitsLine = useCallback(
    (category: string, line: string | undefined): boolean => {
      const lines = policy.data?.policy.taxonomies.categoryLines?.[category];
      return !line || !lines || lines.includes(line);
    },
    [policy.data],
  );
  return { entries, label, fitsLine };
}
