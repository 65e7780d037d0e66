import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { useTaxonomy, type TaxonomyName } from '../../taxonomy';
import { useUsers } from './admin-api';
import { policyPathLabel, policyReason, SEED_ACTOR } from './policy-paths';

const TAXONOMIES: readonly string[] = ['channels', 'categories', 'businessLines', 'causes', 'outcomes'];
const isTaxonomy = (name: string): name is TaxonomyName => TAXONOMIES.includes(name);

/** A policy path as its readable name in the current language ("各级处理时限 · 三级：答复客户 · 数值"). */
export function usePolicyPathLabel(): (path: string) => string {
  const { t, label } = useI18n();
  const taxonomy = useTaxonomy();
  return useCallback(
    (path: string) =>
      policyPathLabel(path, {
        word: (s) => {
          const named = label('policyPath', s);
          return named === s ? undefined : named;
        },
        clock: (kind) => label('clock', kind),
        businessLine: (code) => taxonomy.label('businessLines', code),
        entry: (list, code) => (isTaxonomy(list) ? taxonomy.label(list, code) : code),
        nth: (n) => t('policyPath.nth', { n }),
      }),
    [t, label, taxonomy],
  );
}

/** Who published a version, by name ("系统" for the seed); the username where the user list is not readable. */
export function usePublisherName(): (username: string) => string {
  const { t } = useI18n();
  const me = useMe();
  const users = useUsers(can(me.data, 'user.read'));
  return useCallback(
    (username: string) => {
      if (username === SEED_ACTOR) return t('policy.systemUser');
      return users.data?.find((u) => u.username === username)?.displayName ?? username;
    },
    [t, users.data],
  );
}

/** A version's reason; the seed's file reference reads as "system defaults". */
export function usePolicyReason(): (reason: string | null) => string {
  const { t } = useI18n();
  return useCallback((reason: string | null) => policyReason(reason, { systemDefaults: t('policy.systemDefaults'), none: t('common.none') }), [t]);
}
