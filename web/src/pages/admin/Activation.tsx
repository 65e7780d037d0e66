import { Button, Popconfirm, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';

/** Whether a user or an org unit is active: a green tag, or a grey one when deactivated. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return active ? <Tag color="success">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>;
}

/**
 * The link that deactivates an active record or activates it again, after a confirmation. Records
 * are never deleted, only deactivated; `confirmDeactivate` words what deactivating this one does.
 */
export function ActivationToggle({
  active,
  confirmDeactivate,
  onToggle,
}: {
  active: boolean;
  confirmDeactivate?: string;
  onToggle(): void;
}) {
  const { t } = useI18n();
  return (
    <Popconfirm title={active ? (confirmDeactivate ?? t('admin.confirmDeactivate')) : t('admin.confirmActivate')} onConfirm={onToggle}>
      <Button size="small" type="link" danger={active}>
        {active ? t('admin.deactivate') : t('admin.activate')}
      </Button>
    </Popconfirm>
  );
}
