import { Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { EChart } from '../../board/EChart';
import type { ChartOption } from '../../board/echarts-setup';
import { OUTCOME_COLOUR, OUTCOMES, type InboundOutcome, type InboundPage } from './mailbox-kit';

interface OutcomeChartProps {
  counts: InboundPage['counts'] | undefined;
  /** the outcome the list is filtered by (none: all) */
  selected: InboundOutcome | undefined;
  onPick(outcome: InboundOutcome): void;
}

/**
 * The inbound messages per outcome as one small bar chart, like the message log's status chart: a
 * click on a bar filters the list by that outcome (again: the filter is lifted); the other bars fade.
 */
export function OutcomeChart({ counts, selected, onPick }: OutcomeChartProps) {
  const { t, label } = useI18n();
  const count = (o: InboundOutcome): number => counts?.[o] ?? 0;

  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', inverse: true, data: OUTCOMES.map((o) => label('inbound.outcome', o)), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          cursor: 'pointer',
          label: { show: true, position: 'right' },
          data: OUTCOMES.map((o) => ({
            value: counts?.[o] ?? 0,
            itemStyle: { color: OUTCOME_COLOUR[o], opacity: selected === undefined || selected === o ? 1 : 0.3 },
          })),
        },
      ],
    }),
    [counts, selected, label],
  );

  const total = OUTCOMES.reduce((n, o) => n + count(o), 0);
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('inbound.counts')} · {t('inbound.countsHint')}
      </Typography.Text>
      <EChart
        option={option}
        height={150}
        label={`${t('inbound.counts')}: ${OUTCOMES.map((o) => `${label('inbound.outcome', o)} ${count(o)}`).join(', ')}`}
        testId="inbound-counts"
        data={{ 'data-total': total, 'data-quarantined': count('quarantined') }}
        onItemClick={(index) => {
          const outcome = OUTCOMES[index];
          if (outcome) onPick(outcome);
        }}
      />
    </div>
  );
}
