import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space } from 'antd';
import { client, ok } from '../../api/client';
import { LEVELS } from '../../codes';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy, type TaxonomyName } from '../../taxonomy';
import { activeFilterCount, type StatsFilter, type StatsFilters } from './stats-params';

interface Props {
  filters: StatsFilters;
  onChange(filters: StatsFilters): void;
}

type Option = { value: string; label: string };

function useOrgUnits(kind: 'branch' | 'department') {
  const { locale } = useI18n();
  const units = useQuery({
    queryKey: ['org-units', kind],
    queryFn: () => ok(client.GET('/api/org-units', { params: { query: { kind } } })),
    staleTime: 10 * 60_000,
  });
  return (units.data?.items ?? []).map((u) => ({ value: u.id, label: locale === 'zh-CN' ? u.nameZh : u.nameEn }));
}

/** The ledger's filters, for every chart of the page (as GET /api/statistics and the ledger take them). */
export function StatisticsFilters({ filters, onChange }: Props) {
  const { t, label } = useI18n();
  const taxonomy = useTaxonomy();
  const branches = useOrgUnits('branch');
  const departments = useOrgUnits('department');
  const fromTaxonomy = (name: TaxonomyName): Option[] =>
    taxonomy.entries(name).map((e) => ({ value: e.code, label: taxonomy.label(name, e.code) }));
  const set = (name: StatsFilter, value: string[]) => onChange({ ...filters, lists: { ...filters.lists, [name]: value } });
  const multi = (name: StatsFilter, options: Option[], width = 150) => (
    <Select
      key={name}
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      style={{ width }}
      placeholder={t(`stats.filter.${name}`)}
      value={filters.lists[name] ?? []}
      onChange={(v: string[]) => set(name, v)}
      options={options}
      optionFilterProp="label"
      data-testid={`stats-filter-${name}`}
    />
  );
  return (
    <Space wrap data-testid="stats-filters">
      {multi(
        'level',
        LEVELS.map((l) => ({ value: String(l), label: label('level', l) })),
        130,
      )}
      {multi('channel', fromTaxonomy('channels'))}
      {multi('businessLine', fromTaxonomy('businessLines'))}
      {multi('category', fromTaxonomy('categories'), 170)}
      {multi('cause', fromTaxonomy('causes'), 170)}
      {multi('outcome', fromTaxonomy('outcomes'))}
      {multi('customerGroup', fromTaxonomy('customerGroups'))}
      {multi('branch', branches, 170)}
      {multi('department', departments, 170)}
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('stats.filter.imported')}
        value={filters.imported}
        onChange={(v: 'true' | 'false' | undefined) => onChange({ ...filters, imported: v })}
        options={[
          { value: 'false', label: t('stats.filter.liveOnly') },
          { value: 'true', label: t('stats.filter.importedOnly') },
        ]}
        data-testid="stats-filter-imported"
      />
      {activeFilterCount(filters) > 0 && (
        <Button type="link" onClick={() => onChange({ lists: {} })} data-testid="stats-filters-clear">
          {t('stats.filters.clear')}
        </Button>
      )}
    </Space>
  );
}
