import { useI18n } from '../../../i18n/i18n';
import { FilterBarChart } from '../../board/FilterBarChart';
import { STATUS_COLOUR, STATUSES, type MessagePage, type MessageStatus } from './message-kit';

interface StatusChartProps {
  counts: MessagePage['counts'] | undefined;
  /** the statuses the log is filtered by (none: all) */
  selected: readonly MessageStatus[];
  onPick(status: MessageStatus): void;
}

/** The messages per status; a click on a bar filters the log by that status (again: the filter is lifted). */
export function StatusChart({ counts, selected, onPick }: StatusChartProps) {
  const { t, label } = useI18n();
  return (
    <FilterBarChart
      keys={STATUSES}
      counts={counts}
      labelOf={(s) => label('messages.status', s)}
      colourOf={(s) => STATUS_COLOUR[s]}
      isSelected={(s) => selected.length === 0 || selected.includes(s)}
      onPick={onPick}
      title={t('messages.counts')}
      hint={t('messages.countsHint')}
      testId="message-counts"
    />
  );
}
