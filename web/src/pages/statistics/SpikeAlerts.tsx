import { RiseOutlined } from '@ant-design/icons';
import { Alert, Space } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { ledgerHref } from './stats-params';
import { useSpikes } from './use-statistics';

/** Open spike signals (a product, category or branch sharply above its own baseline), each opening its complaints. */
export function SpikeAlerts({ lang }: { lang: 'zh' | 'en' }) {
  const { t } = useI18n();
  const spikes = useSpikes();
  const items = spikes.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<RiseOutlined />}
      data-testid="stats-spikes"
      message={t('stats.spikes.title')}
      description={
        <Space direction="vertical" size={2}>
          {items.map((s) => (
            <Link key={s.id} to={ledgerHref(s.drill)}>
              {t('stats.spikes.item', {
                subject: t(`stats.spikes.subject.${s.subject}`),
                name: s.label[lang],
                current: s.current,
                ratio: s.ratio === null ? '—' : s.ratio.toFixed(1),
              })}
            </Link>
          ))}
        </Space>
      }
    />
  );
}
