import { useI18n } from '../../../i18n/i18n';
import { FilterBarChart } from '../../board/FilterBarChart';
import { OUTCOME_COLOUR, OUTCOMES, type InboundOutcome, type InboundPage } from './mailbox-kit';

interface OutcomeChartProps {
  counts: InboundPage['counts'] | undefined;
  /** the outcome the list is filtered by (none: all) */
  selected: InboundOutcome | undefined;
  onPick(outcome: InboundOutcome): void;
}

/** The inbound messages per outcome; a click on a bar filters the list by that outcome (again: the filter is lifted). */
export function OutcomeChart({ counts, selected, onPick }: OutcomeChartProps) {
  const { t, label } = useI18n();
  return (
    <FilterBarChart
      keys={OUTCOMES}
      counts={counts}
      labelOf={(o) => label('inbound.outcome', o)}
      colourOf={(o) => OUTCOME_COLOUR[o]}
      isSelected={(o) => selected === undefined || selected === o}
      onPick={onPick}
      title={t('inbound.counts')}
      hint={t('inbound.countsHint')}
      testId="inbound-counts"
      data={{ 'data-quarantined': counts?.quarantined ?? 0 }}
    />
  );
}
