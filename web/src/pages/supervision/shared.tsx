/** Small parts the inspection views share: labels of rules and statuses, department names, error text. */
import { Tag } from 'antd';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { useOrgUnits, type PlanRule, type Rectification } from './supervision-api';

export const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

export function useRuleText() {
  const { t } = useI18n();
  return (r: PlanRule) => {
    if (r.kind === 'share')
      return t(r.per === 'department' ? 'sup.rule.shareDepartment' : 'sup.rule.share', { percent: r.percent, minimum: r.minimum });
    return t(r.population === 'level1' ? 'sup.rule.level1' : 'sup.rule.reopened');
  };
}

/** Department names by id in the reader's language (empty when the reader may not list org units). */
export function useDepartmentNames() {
  const { locale } = useI18n();
  const me = useMe();
  const units = useOrgUnits(can(me.data, 'org.read'));
  const all = units.data?.items ?? [];
  const names = new Map(all.map((u) => [u.id, locale === 'zh-CN' ? u.nameZh : u.nameEn]));
  return {
    names,
    departments: all.filter((u) => u.kind === 'department'),
    name: (id: string | null) => (id ? (names.get(id) ?? '—') : '—'),
  };
}

const STATUS_COLOR: Record<Rectification['status'], string> = { open: 'orange', answered: 'blue', verified: 'green', cancelled: 'default' };

export function RequestStatus({ r }: { r: Pick<Rectification, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={STATUS_COLOR[r.status]}>{t(`sup.rstatus.${r.status}`)}</Tag>
      {r.overdue && <Tag color="red">{t('sup.request.overdue')}</Tag>}
    </>
  );
}

/** "department / person", leaving out what is not set. */
export function addressedTo(name: (id: string | null) => string, departmentId: string | null, person: string | null): string {
  return [departmentId ? name(departmentId) : null, person].filter(Boolean).join(' / ') || '—';
}
