import { Space, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n/i18n';

export interface QuietHours {
  start: string;
  end: string;
}

const FORMAT = 'HH:mm';
/** When quiet hours are switched on: the night. */
const NIGHT: QuietHours = { start: '22:00', end: '07:00' };

const toTime = (hhmm: string): Dayjs => {
  const [h, m] = hhmm.split(':').map(Number);
  return dayjs()
    .hour(h ?? 0)
    .minute(m ?? 0)
    .second(0)
    .millisecond(0);
};

/** Quiet hours as a form control: off (null), or from–to in the company's local time (may span midnight). */
export function QuietHoursInput({ value, onChange }: { value?: QuietHours | null; onChange?: (v: QuietHours | null) => void }) {
  const { t } = useI18n();
  const on = Boolean(value);
  const set = (part: keyof QuietHours, time: Dayjs | null) => {
    if (value && time) onChange?.({ ...value, [part]: time.format(FORMAT) });
  };
  return (
    <Space wrap>
      <Switch checked={on} onChange={(checked) => onChange?.(checked ? NIGHT : null)} data-testid="quiet-hours-on" />
      <Typography.Text>{t('settings.notices.quietOn')}</Typography.Text>
      {value && (
        <>
          <Typography.Text type="secondary">{t('settings.notices.quietStart')}</Typography.Text>
          <TimePicker
            format={FORMAT}
            minuteStep={5}
            allowClear={false}
            needConfirm={false}
            value={toTime(value.start)}
            onChange={(time) => set('start', time)}
            aria-label={t('settings.notices.quietStart')}
            data-testid="quiet-hours-start"
          />
          <Typography.Text type="secondary">{t('settings.notices.quietEnd')}</Typography.Text>
          <TimePicker
            format={FORMAT}
            minuteStep={5}
            allowClear={false}
            needConfirm={false}
            value={toTime(value.end)}
            onChange={(time) => set('end', time)}
            aria-label={t('settings.notices.quietEnd')}
            data-testid="quiet-hours-end"
          />
        </>
      )}
    </Space>
  );
}
