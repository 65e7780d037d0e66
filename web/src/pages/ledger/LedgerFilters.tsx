import { Checkbox, DatePicker, Input, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import { LEVELS, STATUSES } from '../../codes';
import { EXACT_FILTERS, type ExactFilter, type LedgerState, type ListFilter, type TextFilter } from './ledger-params';

interface Props {
  state: LedgerState;
  setList(name: ListFilter, value: string[]): void;
  setText(name: TextFilter, value: string | null): void;
  setRange(from: string | null, to: string | null): void;
  /** removes the drill-down of statistics */
  clearDrill(): void;
}

/** One exact value: the complainant's phone or e-mail, ID document number or account number (matched exactly, also encrypted ones). */
function ExactSearch({ texts, setText }: Pick<Props, 'setText'> & { texts: LedgerState['texts'] }) {
  const { t } = useI18n();
  const active = EXACT_FILTERS.find((k) => texts[k]);
  const [kind, setKind] = useState<ExactFilter>(active ?? 'contact');
  return (
    <Space.Compact>
      <Select<ExactFilter>
        style={{ width: 110 }}
        value={kind}
        onChange={(k) => {
          if (texts[kind]) setText(kind, null);
          setKind(k);
        }}
        options={EXACT_FILTERS.map((k) => ({ value: k, label: t(`ledger.exact.${k}`) }))}
        data-testid="filter-exact-kind"
      />
      <Input.Search
        allowClear
        style={{ width: 200 }}
        placeholder={t('ledger.exact.placeholder')}
        defaultValue={texts[kind]}
        key={`${kind}-${texts[kind] ?? ''}`}
        onSearch={(v) => setText(kind, v)}
        data-testid="filter-exact"
      />
    </Space.Compact>
  );
}

/** Every ledger filter of the API: lists, free text, branch, received range, overdue, mine. */
export function LedgerFilters({ state, setList, setText, setRange, clearDrill }: Props) {
  const { t, label } = useI18n();
  const taxonomy = useTaxonomy();
  const { lists, texts } = state;
  const multi = (name: ListFilter, placeholder: string, options: Array<{ value: string; label: string }>, width = 170) => (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      style={{ width }}
      placeholder={placeholder}
      value={lists[name]}
      onChange={(v: string[]) => setList(name, v)}
      options={options}
      optionFilterProp="label"
      data-testid={`filter-${name}`}
    />
  );
  const fromTaxonomy = (name: 'channels' | 'categories' | 'businessLines') =>
    taxonomy.entries(name).map((e) => ({ value: e.code, label: taxonomy.label(name, e.code) }));
  const drill = Object.keys(state.drill);
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {drill.length > 0 && (
        <Tooltip title={t('ledger.fromStatisticsHint')}>
          <Tag color="purple" closable onClose={clearDrill} data-testid="filter-drill">
            {t('ledger.fromStatistics')}
          </Tag>
        </Tooltip>
      )}
      {multi(
        'level',
        t('ledger.level'),
        LEVELS.map((l) => ({ value: String(l), label: label('level', l) })),
        150,
      )}
      {multi(
        'status',
        t('ledger.status'),
        STATUSES.map((s) => ({ value: s, label: label('status', s) })),
      )}
      {multi('channel', t('ledger.channel'), fromTaxonomy('channels'))}
      {multi('businessLine', t('ledger.businessLine'), fromTaxonomy('businessLines'))}
      {multi('category', t('ledger.category'), fromTaxonomy('categories'), 190)}
      <Input.Search
        allowClear
        style={{ width: 150 }}
        placeholder={t('ledger.branch')}
        defaultValue={texts.branch}
        key={`branch-${texts.branch ?? ''}`}
        onSearch={(v) => setText('branch', v)}
        data-testid="filter-branch"
      />
      <DatePicker.RangePicker
        style={{ width: 250 }}
        placeholder={[t('ledger.receivedFrom'), t('ledger.receivedTo')]}
        value={[
          texts.receivedFrom ? dayjs(texts.receivedFrom) : null,
          texts.receivedTo ? dayjs(texts.receivedTo).subtract(1, 'day') : null,
        ]}
        onChange={(range) => {
          const [from, to] = range ?? [null, null];
          // the API's receivedTo is exclusive: the whole last day is included
          setRange(from ? from.startOf('day').toISOString() : null, to ? to.add(1, 'day').startOf('day').toISOString() : null);
        }}
        allowEmpty={[true, true]}
        data-testid="filter-received"
      />
      <Select
        allowClear
        style={{ width: 130 }}
        placeholder={t('ledger.overdueFilter')}
        value={texts.overdue}
        onChange={(v: string | undefined) => setText('overdue', v ?? null)}
        options={[
          { value: 'true', label: t('ledger.overdueOnly') },
          { value: 'false', label: t('ledger.notOverdue') },
        ]}
        data-testid="filter-overdue"
      />
      <Checkbox
        checked={texts.mine === 'true'}
        onChange={(e) => setText('mine', e.target.checked ? 'true' : null)}
        data-testid="filter-mine"
      >
        {t('ledger.mine')}
      </Checkbox>
      <Checkbox
        checked={texts.unassigned === 'true'}
        onChange={(e) => setText('unassigned', e.target.checked ? 'true' : null)}
        data-testid="filter-unassigned"
      >
        {t('ledger.unassigned')}
      </Checkbox>
      <Checkbox
        checked={texts.major === 'true'}
        onChange={(e) => setText('major', e.target.checked ? 'true' : null)}
        data-testid="filter-major"
      >
        {t('ledger.filter.major')}
      </Checkbox>
      {texts.dueWithinHours && (
        <Checkbox checked onChange={() => setText('dueWithinHours', null)}>
          {t('ledger.dueWithin', { hours: texts.dueWithinHours })}
        </Checkbox>
      )}
      <ExactSearch texts={texts} setText={setText} />
      <Input.Search
        allowClear
        style={{ width: 260 }}
        placeholder={t('ledger.search')}
        defaultValue={texts.q}
        key={`q-${texts.q ?? ''}`}
        onSearch={(v) => setText('q', v)}
        data-testid="filter-q"
      />
    </Space>
  );
}
