import { Button, Space } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { usePlansFrom } from './training-api';

/**
 * On a spike alert or an inspection finding (#15 item 1): the special-topic training plans started
 * from it (links), and 发起专项培训 for those who run training.
 */
export function OriginTraining({ kind, id }: { kind: 'spike' | 'finding'; id: string }) {
  const { t } = useI18n();
  const me = useMe();
  const readable = can(me.data, 'training.read') || can(me.data, 'training.manage');
  const manage = can(me.data, 'training.manage');
  const plans = usePlansFrom(kind, id, readable);
  if (!readable) return null;
  return (
    <Space size={4} wrap>
      {(plans.data ?? []).map((p) =>
        manage ? (
          <Link key={p.id} to={`/training/plans/${p.id}`} data-testid="origin-training-plan">
            {p.title}
          </Link>
        ) : (
          <span key={p.id}>{p.title}</span>
        ),
      )}
      {manage && (
        <Link to={`/training/plans?origin=${kind}:${id}`}>
          <Button size="small" type="link" data-testid={`start-training-${id}`}>
            {t('training.start')}
          </Button>
        </Link>
      )}
    </Space>
  );
}
