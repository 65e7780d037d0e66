import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Segmented, Space, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/i18n';
import { addDays, dayCount, PERIOD_KINDS, periodContaining, previousPeriod, type Period, type PeriodKind } from './period';

interface Props {
  period: Period;
  today: string;
  onChange(period: Period): void;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The period after this one (the inverse of previousPeriod). */
function nextPeriod(p: Period): Period {
  if (p.kind === 'custom') return { kind: 'custom', from: addDays(p.to, 1), to: addDays(p.to, dayCount(p)) };
  return periodContaining(p.kind, addDays(p.to, 1));
}

/** Month, quarter, year or a custom range, with steps back and forth (R-F1: statistics over any period). */
export function PeriodPicker({ period, today, onChange }: Props) {
  const { t } = useI18n();
  const next = nextPeriod(period);
  const pick = (kind: PeriodKind) =>
    onChange(kind === 'custom' ? { kind, from: period.from, to: period.to } : periodContaining(kind, period.from));
  return (
    <Space wrap data-testid="period-picker">
      <Segmented<PeriodKind>
        value={period.kind}
        onChange={pick}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`stats.period.${k}`) }))}
        data-testid="period-kind"
      />
      <Space.Compact>
        <Tooltip title={t('stats.period.previous')}>
          <Button
            icon={<LeftOutlined />}
            onClick={() => onChange(previousPeriod(period))}
            aria-label={t('stats.period.previous')}
            data-testid="period-previous"
          />
        </Tooltip>
        {period.kind === 'custom' ? (
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            onChange={(range) => {
              const [from, to] = range ?? [null, null];
              if (from && to) onChange({ kind: 'custom', from: day(from), to: day(to) });
            }}
            data-testid="period-range"
          />
        ) : (
          <DatePicker
            picker={period.kind}
            allowClear={false}
            value={dayjs(period.from)}
            onChange={(d: Dayjs | null) => d && onChange(periodContaining(period.kind, day(d)))}
            data-testid="period-value"
            style={{ width: 150 }}
          />
        )}
        <Tooltip title={t('stats.period.next')}>
          <Button
            icon={<RightOutlined />}
            disabled={next.from > today}
            onClick={() => onChange(next)}
            aria-label={t('stats.period.next')}
            data-testid="period-next"
          />
        </Tooltip>
      </Space.Compact>
    </Space>
  );
}
