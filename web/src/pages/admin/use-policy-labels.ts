import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { useTaxonomy, type TaxonomyName } from '../../taxonomy';
import { useUsers } from './admin-api';
import { formatValue } from './policy-diff';
import { pathSegments, policyPathLabel, policyReason, SEED_ACTOR } from './policy-paths';

const TAXONOMIES: readonly string[] = ['channels', 'categories', 'businessLines', 'causes', 'outcomes', 'customerGroups'];
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
  return useCallback(
    (reason: string | null) => policyReason(reason, { systemDefaults: t('policy.systemDefaults'), none: t('common.none') }),
    [t],
  );
}

/** A policy value as text, with the codes the form labels (approvers, clock units) read as those labels. */
export function usePolicyValueText(): (path: string, value: unknown) => string {
  const { label } = useI18n();
  return useCallback(
    (path: string, value: unknown) => {
      const named = (key: string | undefined, v: unknown): unknown => {
        if (typeof v !== 'string') return v;
        if (key === 'approver') return label('admin.approver', v);
        if (key === 'unit') return label('admin.unit', v);
        return v;
      };
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return formatValue(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, named(k, v)])));
      }
      return formatValue(named(pathSegments(path).at(-1), value));
    },
    [label],
  );
}
